package dev.scoreline.bench.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.minicluster.MiniCluster;

/** Checkpoint statistics of a job, from the MiniCluster's REST API ({@code /jobs/<id>/checkpoints}). */
record Checkpoints(long completed, double avgDurationMs, double maxDurationMs, long stateSize, long checkpointedSize) {

    static Checkpoints of(MiniCluster cluster, JobID job) {
        try {
            URI base = cluster.getRestAddress().get();
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/jobs/" + job + "/checkpoints"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode root = Json.tree(response.body());
            JsonNode duration = root.path("summary").path("end_to_end_duration");
            JsonNode latest = root.path("latest").path("completed");
            return new Checkpoints(root.path("counts").path("completed").asLong(),
                    duration.path("avg").asDouble(Double.NaN), duration.path("max").asDouble(Double.NaN),
                    latest.path("state_size").asLong(-1), latest.path("checkpointed_size").asLong(-1));
        } catch (Exception e) {
            return new Checkpoints(0, Double.NaN, Double.NaN, -1, -1);
        }
    }
}
