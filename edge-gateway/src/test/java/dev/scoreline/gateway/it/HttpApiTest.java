package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.ws.WebSocketEndpoint;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.RawWebSocket;
import dev.scoreline.testkit.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain HTTP surface: snapshots, listing, health, static files, and the clear errors. */
class HttpApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Broker.Topics topics;
    private static Feed feed;
    private static EdgeGateway gateway;

    @BeforeAll
    static void start() {
        topics = Broker.topics(1);
        feed = new Feed(topics);
        gateway = Gateways.start(topics, b -> b.maxSubscriptions(2));
        feed.snapshot("match:h1", "e1", 2);
        feed.deltas("match:h1", "e1", 3, 4);
        feed.snapshot("match:h2", "e7", 9);
        Await.until("both channels", WAIT, () -> Http.get(gateway.port(), "/v1/channels/match:h1").statusCode() == 200
                && Http.json(Http.get(gateway.port(), "/v1/channels/match:h1")).get("version").asLong() == 4
                && Http.get(gateway.port(), "/v1/channels/match:h2").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        feed.close();
    }

    @Test
    void aChannelsSnapshotIsTheSnapshotMessage() {
        HttpResponse<String> r = Http.get(gateway.port(), "/v1/channels/match:h1");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode s = Http.json(r);
        assertThat(s.get("type").asText()).isEqualTo("snapshot");
        assertThat(s.get("channel").asText()).isEqualTo("match:h1");
        assertThat(s.get("epoch").asText()).isEqualTo("e1");
        assertThat(s.get("version").asLong()).isEqualTo(4);
        assertThat(s.get("state")).isEqualTo(Feed.state(4));
    }

    @Test
    void unknownAndInvalidChannelsAreClearErrors() {
        HttpResponse<String> unknown = Http.get(gateway.port(), "/v1/channels/match:nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown channel: match:nope");
        HttpResponse<String> invalid = Http.get(gateway.port(), "/v1/channels/score:1");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("not a channel");
    }

    @Test
    void theListingGivesEpochsAndVersions() {
        JsonNode list = Http.json(Http.get(gateway.port(), "/v1/channels?prefix=match:"));
        assertThat(list.get("channels")).hasSize(2);
        assertThat(list.get("channels").get(0).get("channel").asText()).isEqualTo("match:h1");
        assertThat(list.get("channels").get(0).get("version").asLong()).isEqualTo(4);
        assertThat(list.get("channels").get(1).get("epoch").asText()).isEqualTo("e7");
        assertThat(list.get("channels").get(1).get("version").asLong()).isEqualTo(9);
        assertThat(Http.json(Http.get(gateway.port(), "/v1/channels?prefix=match:h2")).get("channels")).hasSize(1);
    }

    @Test
    void healthSaysReadyWithTheChannelCount() {
        HttpResponse<String> r = Http.get(gateway.port(), "/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r).get("status").asText()).isEqualTo("ready");
        assertThat(Http.json(r).get("channels").asInt()).isEqualTo(2);
    }

    @Test
    void staticFilesComeFromTheClasspathWebFolder() {
        HttpResponse<String> file = Http.get(gateway.port(), "/static/hook-check.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("served from the classpath web folder\n");
        assertThat(Http.get(gateway.port(), "/static/missing.js").statusCode()).isEqualTo(404);
        boolean hasPage = getClass().getClassLoader().getResource("dev/scoreline/gateway/web/index.html") != null;
        assertThat(Http.get(gateway.port(), "/").statusCode()).isEqualTo(hasPage ? 200 : 404);
    }

    @Test
    void aWebSocketUpgradeOfAnotherVersionOrWithABadKeyIsRefusedWithAReason() throws Exception {
        String good = Base64.getEncoder().encodeToString(new byte[16]);
        String oldVersion = upgrade("8", good);
        assertThat(oldVersion).startsWith("HTTP/1.1 426 ").containsIgnoringCase("Sec-WebSocket-Version: 13")
                .contains("WebSocket version 13");
        for (String badKey : new String[] {"not base64!", Base64.getEncoder().encodeToString(new byte[8])}) {
            assertThat(upgrade("13", badKey)).startsWith("HTTP/1.1 400 ").contains("Sec-WebSocket-Key must be 16");
        }
        assertThat(upgrade("13", good)).as("the same upgrade with a good key and version")
                .startsWith("HTTP/1.1 101 ").contains(WebSocketEndpoint.accept(good));
    }

    /** The gateway's answer to a WebSocket upgrade, head and body, as text. */
    private static String upgrade(String version, String key) throws IOException {
        try (Socket socket = RawWebSocket.tcp(gateway.port(), 0)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: " + version + "\r\nSec-WebSocket-Key: " + key
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int contentLength = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                answer.append((char) b);
                int headEnd = answer.indexOf("\r\n\r\n");
                if (headEnd >= 0 && contentLength < 0) {
                    Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                            .matcher(answer);
                    contentLength = m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
                if (contentLength >= 0 && answer.length() >= headEnd + 4 + contentLength) {
                    break;
                }
            }
            return answer.toString();
        }
    }

    @Test
    void wrongPathsMethodsAndRequestsAreRefusedWithAReason() throws Exception {
        assertThat(Http.get(gateway.port(), "/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> post = Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/channels/match:h1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> plainWs = Http.get(gateway.port(), "/ws");
        assertThat(plainWs.statusCode()).isEqualTo(400);
        assertThat(plainWs.body()).contains("WebSocket upgrade");
        try (SseClient none = SseClient.open(gateway.port(), "", Map.of())) {
            assertThat(none.status()).isEqualTo(400);
            assertThat(none.body()).contains("name at least one channel");
        }
        try (SseClient bad = SseClient.open(gateway.port(), "channel=match:a/seat:b", Map.of())) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("a match has no seat channels");
        }
        try (SseClient many = SseClient.open(gateway.port(), "channel=match:a&channel=match:b&channel=match:c", Map.of())) {
            assertThat(many.status()).isEqualTo(400);
            assertThat(many.body()).contains("at most 2 channels");
        }
    }
}
