package dev.scoreline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The demo gateway's HTTP API, as a test reads it. */
final class Gateway {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Gateway(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code GET path}: the status and the body. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The channel's snapshot message ({@code type, channel, epoch, version, state}); fails unless 200. */
    JsonNode snapshot(String channel, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/v1/channels/" + channel
                + (token == null ? "" : "?token=" + encode(token)));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /v1/channels/" + channel + ": " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** A dev token for a table, and a seat when {@code player} is not null. */
    String token(String table, String player) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/v1/dev/token?table=" + encode(table)
                + (player == null ? "" : "&player=" + encode(player)));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /v1/dev/token: " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body()).path("token").asText();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
