package dev.scoreline.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the slow balls of a run were: each ball's latency by the wall-clock time it was sent,
 * against the job's checkpoints (from the REST API: when each was triggered, and per task its
 * barrier's delay, alignment and synchronous phase), to say which part of a checkpoint holds the
 * pipeline up, if any does.
 */
final class Stalls {

    /** A ball slower than this is a stall. */
    static final long SLOW_MS = 60;

    private final TreeMap<Long, Long> slowestBySecondTenth = new TreeMap<>();
    private final List<long[]> slow = new ArrayList<>();

    /** One ball: sent at {@code sentMillis} (wall clock), {@code latencyMs} later in Kafka. */
    synchronized void record(long sentMillis, long latencyMs) {
        slowestBySecondTenth.merge(sentMillis / 100, latencyMs, Math::max);
        if (latencyMs > SLOW_MS) {
            slow.add(new long[] {sentMillis, latencyMs});
        }
    }

    /** Lines that put the slow balls beside the checkpoints, for the log. */
    synchronized List<String> report(URI rest, String jobId) {
        List<String> out = new ArrayList<>();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Map<String, String> names = new HashMap<>();
            for (JsonNode v : get(http, rest, "/jobs/" + jobId).path("vertices")) {
                names.put(v.path("id").asText(), v.path("name").asText());
            }
            List<Long> triggers = new ArrayList<>();
            for (JsonNode cp : get(http, rest, "/jobs/" + jobId + "/checkpoints").path("history")) {
                long id = cp.path("id").asLong();
                long trigger = cp.path("trigger_timestamp").asLong();
                triggers.add(trigger);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "checkpoint %d: %d ms end to end; slowest ball sent in the 1.5 s from its trigger: %d ms;",
                        id, cp.path("end_to_end_duration").asLong(), slowestBetween(trigger - 200, trigger + 1_300)));
                JsonNode tasks = get(http, rest, "/jobs/" + jobId + "/checkpoints/details/" + id).path("tasks");
                tasks.fieldNames().forEachRemaining(vertex -> {
                    long sync = 0;
                    long align = 0;
                    long delay = 0;
                    long ack = 0;
                    try {
                        for (JsonNode st : get(http, rest, "/jobs/" + jobId + "/checkpoints/details/" + id
                                + "/subtasks/" + vertex).path("subtasks")) {
                            sync = Math.max(sync, st.path("checkpoint").path("sync").asLong());
                            align = Math.max(align, st.path("alignment").path("duration").asLong());
                            delay = Math.max(delay, st.path("start_delay").asLong());
                            ack = Math.max(ack, st.path("ack_timestamp").asLong() - trigger);
                        }
                    } catch (Exception e) {
                        return;
                    }
                    line.append(String.format(Locale.ROOT, " [%s: barrier delay %d, alignment %d, sync %d, acked +%d ms]",
                            names.getOrDefault(vertex, vertex), delay, align, sync, ack));
                });
                out.add(line.toString());
            }
            for (long[] ball : slow) {
                long nearest = triggers.stream().min((a, b) -> Long.compare(Math.abs(a - ball[0]), Math.abs(b - ball[0])))
                        .orElse(0L);
                out.add(String.format(Locale.ROOT, "slow ball: %d ms, sent %+d ms from the nearest checkpoint's trigger",
                        ball[1], ball[0] - nearest));
            }
        } catch (Exception e) {
            out.add("no checkpoint details: " + e);
        }
        return out;
    }

    private long slowestBetween(long fromMillis, long toMillis) {
        return slowestBySecondTenth.subMap(fromMillis / 100, true, toMillis / 100, true).values().stream()
                .mapToLong(Long::longValue).max().orElse(-1);
    }

    private static JsonNode get(HttpClient http, URI rest, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(rest.resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return Json.tree(response.body());
    }
}
