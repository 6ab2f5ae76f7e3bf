package dev.scoreline.cluster;

/**
 * One process of the cluster and its fixed ports.
 *
 * @param index 1-based among its role (the Kafka node id for a broker)
 * @param port the port that says whether it answers: a broker's client port, the JobManager's
 *     REST port, a TaskManager's RPC port, a gateway's HTTP port
 * @param secondPort a broker's controller port, the JobManager's RPC port, a TaskManager's data
 *     port; 0 for a gateway
 * @param metricsPort Flink's Prometheus reporter of the process; a gateway serves {@code /metrics}
 *     on its HTTP port and a broker has none (0)
 */
public record Member(String name, Role role, int index, int port, int secondPort, int metricsPort) {}
