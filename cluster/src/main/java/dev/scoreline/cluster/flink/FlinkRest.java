package dev.scoreline.cluster.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JobManager's REST API, as {@code flink run} and the web UI use it: jar upload and run,
 * job status, savepoints, checkpoints, the exception history and metrics.
 */
public final class FlinkRest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** How the JobManager words a savepoint it aborted because a task was (re)starting. */
    private static final String NOT_ALL_TASKS_RUNNING = "Not all required tasks are currently running";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    public URI base() {
        return base;
    }

    /** Whether the JobManager answers its REST API now. */
    public boolean answers() {
        try {
            return http.send(request("overview").timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The resource ids of the TaskManagers registered with the JobManager. */
    public List<String> taskManagers() {
        List<String> ids = new ArrayList<>();
        get("taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    /** Uploads a job jar; returns its id on the JobManager. */
    public String uploadJar(Path jar) {
        String boundary = "scoreline-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                    + "Content-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the job jar " + jar + ": " + e.getMessage(), e);
        }
        JsonNode answer = send(request("jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String file = answer.path("filename").asText();
        if (file.isEmpty()) {
            throw new IllegalStateException("the JobManager did not take the jar: " + answer);
        }
        return Path.of(file).getFileName().toString();
    }

    /**
     * Runs the main class of an uploaded jar with these arguments (the job's own options).
     *
     * @param parallelism null for the cluster's default
     * @param restoreFrom a savepoint or retained checkpoint to start from, or null
     * @return the new job's id
     */
    public String runJar(String jarId, String entryClass, List<String> args, Integer parallelism, String restoreFrom) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("entryClass", entryClass);
        body.set("programArgsList", Json.MAPPER.valueToTree(args));
        if (parallelism != null) {
            body.put("parallelism", parallelism);
        }
        if (restoreFrom != null) {
            body.put("savepointPath", restoreFrom);
            body.put("allowNonRestoredState", false);
            // The changelog state backend cannot take the full first checkpoint that restoring
            // without claiming asks for: the job takes the snapshot over (docs/operations.md).
            body.put("claimMode", "CLAIM");
        }
        JsonNode answer = post("jars/" + jarId + "/run", body);
        String id = answer.path("jobid").asText();
        if (id.isEmpty()) {
            throw new IllegalStateException("the JobManager did not run the jar: " + answer);
        }
        return id;
    }

    /** Every job the JobManager knows, with its state: {@code [{"id": …, "status": …}]}. */
    public JsonNode jobs() {
        return get("jobs").path("jobs");
    }

    /** The job's details: state, vertices with their parallelism, timestamps. */
    public JsonNode job(String jobId) {
        return get("jobs/" + jobId);
    }

    public String jobState(String jobId) {
        return job(jobId).path("state").asText();
    }

    /** The job's exception history: one entry per failure that restarted (or ended) it. */
    public JsonNode exceptions(String jobId) {
        return get("jobs/" + jobId + "/exceptions?maxExceptions=100");
    }

    public JsonNode checkpoints(String jobId) {
        return get("jobs/" + jobId + "/checkpoints");
    }

    /** A job-level metric's value, such as {@code numRestarts}; empty when the job does not report it (yet). */
    public Optional<String> jobMetric(String jobId, String name) {
        for (JsonNode m : get("jobs/" + jobId + "/metrics?get=" + name)) {
            if (m.path("id").asText().equals(name)) {
                return Optional.of(m.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** Takes a savepoint and keeps the job running; returns its location. */
    public String savepoint(String jobId, Path dir, Duration timeout) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("target-directory", dir.toUri().toString());
        body.put("cancel-job", false);
        body.put("formatType", "CANONICAL");
        return takeSavepoint(jobId, "jobs/" + jobId + "/savepoints", body, timeout);
    }

    /** Stops the job with a savepoint (no draining: its state is kept as it is); returns its location. */
    public String stopWithSavepoint(String jobId, Path dir, Duration timeout) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("targetDirectory", dir.toUri().toString());
        body.put("drain", false);
        body.put("formatType", "CANONICAL");
        return takeSavepoint(jobId, "jobs/" + jobId + "/stop", body, timeout);
    }

    /**
     * Triggers a savepoint once every task runs, and again when the JobManager aborted it because a
     * task was (re)starting: a failover between two triggers is routine, and an aborted savepoint
     * leaves the job running as it was.
     */
    private String takeSavepoint(String jobId, String path, ObjectNode body, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            awaitAllTasksRunning(jobId, deadline);
            String trigger = post(path, body).path("request-id").asText();
            if (trigger.isEmpty()) {
                throw new IllegalStateException("the JobManager did not start a savepoint of " + jobId);
            }
            JsonNode operation = awaitSavepoint(jobId, trigger, deadline, timeout);
            if (operation.has("location")) {
                return operation.path("location").asText();
            }
            String cause = operation.path("failure-cause").path("stack-trace").asText(operation.toString());
            if (!cause.contains(NOT_ALL_TASKS_RUNNING) || System.nanoTime() > deadline) {
                throw new IllegalStateException("the savepoint of " + jobId + " failed: " + cause
                        + "\nthe job's failures: " + exceptions(jobId).path("exceptionHistory").path("entries"));
            }
        }
    }

    private void awaitAllTasksRunning(String jobId, long deadline) {
        while (!allTasksRunning(jobId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tasks of " + jobId + " did not all run in time for a savepoint");
            }
            pause(200);
        }
    }

    /** Whether the job runs and so does every one of its tasks (a job restarting a task still reports RUNNING). */
    public boolean allTasksRunning(String jobId) {
        JsonNode job = job(jobId);
        if (!job.path("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    public void cancel(String jobId) {
        send(request("jobs/" + jobId + "?mode=cancel").method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode awaitSavepoint(String jobId, String trigger, long deadline, Duration timeout) {
        while (System.nanoTime() < deadline) {
            JsonNode answer = get("jobs/" + jobId + "/savepoints/" + trigger);
            if (answer.path("status").path("id").asText().equals("COMPLETED")) {
                return answer.path("operation");
            }
            pause(200);
        }
        throw new IllegalStateException("the savepoint of " + jobId + " did not complete within " + timeout.toSeconds() + " s");
    }

    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    private JsonNode post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.string(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the Flink REST API at " + base + " did not answer " + built.method() + " "
                    + built.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(built.method() + " " + built.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.tree(response.body());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
