/**
 * The gateway's side of the wire format: a server message encoded once into a {@link
 * dev.scoreline.gateway.wire.Frame} whose bytes go to every subscriber over either transport, and
 * the reading of client frames ({@link dev.scoreline.gateway.wire.ClientFrames}) with a precise
 * reason for each one refused.
 *
 * <p>Encoding only, on the records and JSON configuration of {@code schemas}: no Undertow and no
 * connection state.
 */
package dev.scoreline.gateway.wire;
