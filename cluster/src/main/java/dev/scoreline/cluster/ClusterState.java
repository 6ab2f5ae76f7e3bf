package dev.scoreline.cluster;

import dev.scoreline.cluster.process.ProcessRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code cluster.json} in the state directory remembers between commands.
 *
 * @param kafkaClusterId the id the three brokers' directories were formatted with
 * @param gatewaySecret the HMAC secret the gateways verify table tokens with
 * @param jobId the job last submitted, or null
 * @param processes the processes started, by name (a stopped one stays until it is started again)
 */
public record ClusterState(Layout layout, String kafkaClusterId, String gatewaySecret, String jobId,
        Map<String, ProcessRecord> processes) {

    public ClusterState {
        processes = new TreeMap<>(processes == null ? Map.of() : processes);
    }

    ClusterState withProcess(String name, ProcessRecord record) {
        Map<String, ProcessRecord> next = new TreeMap<>(processes);
        next.put(name, record);
        return new ClusterState(layout, kafkaClusterId, gatewaySecret, jobId, next);
    }

    ClusterState withJob(String id) {
        return new ClusterState(layout, kafkaClusterId, gatewaySecret, id, processes);
    }
}
