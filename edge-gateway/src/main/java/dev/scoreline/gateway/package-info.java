/**
 * One edge gateway put together: {@link dev.scoreline.gateway.EdgeGateway} starts the Kafka feed,
 * the channels and the Undertow server from a {@link dev.scoreline.gateway.GatewayConfig};
 * {@link dev.scoreline.gateway.GatewayMain} is its command line; {@link
 * dev.scoreline.gateway.ClientServices} is what every transport shares.
 *
 * <p>A gateway holds nothing on disk and depends on the job only through the topics and the
 * messages of {@code schemas}, never on the job's code, so any number can run side by side and
 * restart at will. The subpackages each own one concern (feed, channel, fanout, auth, transports,
 * metrics); this package only wires them.
 */
package dev.scoreline.gateway;
