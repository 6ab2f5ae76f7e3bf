package dev.scoreline.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP requests to a gateway. */
public final class Http {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Http() {}

    public static HttpResponse<String> get(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return Json.tree(response.body());
    }

    /** The series' value in {@code /metrics}. */
    public static double metric(int port, String series) {
        return dev.scoreline.gateway.metrics.PromText.value(get(port, "/metrics").body(), series);
    }
}
