/**
 * The frames of the gateway's wire protocol: {@link dev.scoreline.wire.ClientMessage} (subscribe,
 * unsubscribe, ping) and {@link dev.scoreline.wire.ServerMessage} (snapshot, delta, error, pong),
 * bound to {@code client-message.schema.json} and {@code server-message.schema.json}; the protocol
 * is docs/protocol.md.
 *
 * <p>Records only, shared by the gateway and the Java clients of the tests, the cluster and the
 * benchmarks; no Undertow here, so a client need not depend on the server.
 */
package dev.scoreline.wire;
