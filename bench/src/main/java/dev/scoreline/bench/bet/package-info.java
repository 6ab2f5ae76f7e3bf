/**
 * The betting benchmark: bets through a gateway while a match replays, each answered by the job's
 * verdict after three Kafka hops (gateway to wallet, wallet to match, match to verdict), and where
 * the time of each hop goes.
 */
package dev.scoreline.bench.bet;
