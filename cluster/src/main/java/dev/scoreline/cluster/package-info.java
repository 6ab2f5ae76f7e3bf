/**
 * The distributed deployment as separate processes on one machine ({@code ./scoreline cluster},
 * {@link dev.scoreline.cluster.ClusterCli}): three Kafka brokers, a Flink JobManager and
 * TaskManagers, gateways, and the job submitted through Flink's REST API ({@link
 * dev.scoreline.cluster.Cluster}). Ports derive from one base port ({@link
 * dev.scoreline.cluster.Layout}) and everything it started is remembered in the state directory
 * ({@link dev.scoreline.cluster.StateDir}), so another command or JVM can inspect it, kill a part
 * and start it again: what the cluster tests do.
 *
 * <p>Every process runs its product's own entry point from the built jars (Kafka's, Flink's, the
 * gateway's {@code GatewayMain}); the job goes in as its jar, as on a real cluster, never as
 * classes of this JVM. Everything listens on loopback only.
 */
package dev.scoreline.cluster;
