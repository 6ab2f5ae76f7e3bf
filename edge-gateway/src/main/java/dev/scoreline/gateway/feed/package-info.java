/**
 * The gateway's Kafka readers. {@link dev.scoreline.gateway.feed.KafkaFeed} reads the public
 * channels ({@code state-snapshots}, {@code state-deltas}) whole, without a consumer group: warm-up
 * from the compacted snapshots and the recent deltas before the gateway reports ready, then both
 * live. {@link dev.scoreline.gateway.feed.PrivateFeed} reads the private channels (seats, wallets)
 * of this gateway's share of the players: the gateways are one consumer group on
 * {@code private-deltas}, and {@link dev.scoreline.gateway.feed.PrivateShards} says whose players
 * this gateway serves and which gateway serves the others.
 *
 * <p>The only Kafka code of the fan-out. It hands records to the channels and never writes to a
 * client itself (it only closes the connections of players moved to another gateway), so no client
 * can hold it up.
 */
package dev.scoreline.gateway.feed;
