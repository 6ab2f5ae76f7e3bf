/**
 * Server-Sent Events ({@link dev.scoreline.gateway.sse.SseEndpoint}): a stream of one or more
 * channels whose events carry the WebSocket messages, and the event ids that let a reconnecting
 * {@code EventSource} resume with {@code Last-Event-ID} ({@code EventIds}). A stream is checked
 * whole before it starts, since it cannot report a channel's error later.
 *
 * <p>A transport only: subscriptions, queues, conflation and access are the fan-out's and
 * auth's, so a client gets the same over SSE as over WebSocket.
 */
package dev.scoreline.gateway.sse;
