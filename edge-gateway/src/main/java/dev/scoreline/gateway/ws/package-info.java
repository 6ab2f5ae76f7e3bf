/**
 * WebSocket ({@code /ws}): the upgrade with its capacity check, the token and the
 * auto-subscriptions it resumes ({@link dev.scoreline.gateway.ws.WebSocketEndpoint}), each
 * client's frames ({@code FrameReader}), messages, errors and pings ({@code WebSocketSession}), and
 * the writing of queued frames, copied into the I/O thread's one buffer and written with one call
 * ({@code WebSocketSink}).
 *
 * <p>Undertow takes the HTTP upgrade; the socket after it is this package's, RFC 6455 without
 * extensions: a frame's JSON goes out behind a header of two to ten bytes, the same bytes for
 * every subscriber, where Undertow's WebSocket channel made a message object, a pooled buffer and
 * a queue entry per frame per subscriber. A transport only: subscriptions, queues, conflation and
 * access are the fan-out's and auth's, so a client gets the same over WebSocket as over
 * Server-Sent Events.
 */
package dev.scoreline.gateway.ws;
