/**
 * The gateway's Prometheus metrics ({@link dev.scoreline.gateway.metrics.GatewayMetrics}), named
 * {@code scoreline_gateway_*}; docs/operations.md ("Metrics") lists them and the Grafana dashboard
 * charts them (a cluster test checks that every name it charts is exported), so renaming one
 * means changing the dashboard too.
 *
 * <p>A registry per gateway, not the global one, because several gateways share a JVM in tests.
 */
package dev.scoreline.gateway.metrics;
