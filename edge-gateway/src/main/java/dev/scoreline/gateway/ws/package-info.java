/**
 * WebSocket ({@code /ws}): the upgrade with its capacity check, the token and the
 * auto-subscriptions it resumes ({@link dev.scoreline.gateway.ws.WebSocketEndpoint}), each
 * client's messages, errors and pings ({@code WebSocketSession}), and the writing of queued frames
 * in one flush ({@code WebSocketSink}).
 *
 * <p>A transport only, on Undertow: subscriptions, queues, conflation and access are the
 * fan-out's and auth's, so a client gets the same over WebSocket as over Server-Sent Events.
 */
package dev.scoreline.gateway.ws;
