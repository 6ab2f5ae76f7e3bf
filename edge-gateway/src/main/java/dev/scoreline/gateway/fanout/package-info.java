/**
 * From one channel to many connections: a {@link dev.scoreline.gateway.fanout.Hub} per channel
 * (its state and subscribers under one lock, so a new subscriber neither misses nor doubles a
 * frame), a {@code Lane} per transport thread (a change is handed to each lane once, and the
 * lane's thread queues it for its subscribers and writes to each of them once per pass), a {@link
 * dev.scoreline.gateway.fanout.Connection} per client with its queue bounded in bytes,
 * conflation and the close of slow clients ({@link dev.scoreline.gateway.fanout.CloseReason}), the
 * connection limit and the auto-subscriptions.
 *
 * <p>Producers only ever queue here: nothing in this package waits for a client, so a slow client
 * cannot slow the Kafka feed or anyone else. It knows transports only as a {@link
 * dev.scoreline.gateway.fanout.Sink}, never Undertow, so WebSocket and Server-Sent Events share
 * every rule. Lock order: a hub's lock may be held when calling a connection, never the other
 * way round.
 */
package dev.scoreline.gateway.fanout;
