package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.SseClient;
import dev.scoreline.testkit.WsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reads what, end to end: match channels are open; a table needs a token naming it; a seat
 * needs a token naming its player. A refused subscription gets an error and leaves the others
 * alone; HTTP and SSE answer 401 or 403.
 */
class AuthTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MATCH = "match:auth";
    private static Broker.Topics topics;
    private static Feed feed;
    private static EdgeGateway gateway;

    @BeforeAll
    static void start() {
        topics = Broker.topics(2);
        feed = new Feed(topics);
        gateway = Gateways.start(topics);
        for (String c : new String[] {MATCH, "table:t1", "table:t1/seat:p1", "table:t1/seat:p2", "table:t2"}) {
            feed.snapshot(c, "e1", 1);
        }
        Await.until("every channel", WAIT, () -> Http.json(Http.get(gateway.port(), "/healthz")).get("channels").asInt() == 5);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        feed.close();
    }

    private static String token(String table, String player) {
        return Tokens.issue(Gateways.SECRET, table, player, Instant.now().plusSeconds(600));
    }

    private static void expectSnapshot(WsClient c, String channel) {
        JsonNode m = c.next(WAIT);
        assertThat(m.get("type").asText()).as(m.toString()).isEqualTo("snapshot");
        assertThat(m.get("channel").asText()).isEqualTo(channel);
    }

    private static void expectError(WsClient c, String code, String channel, String reasonPart) {
        JsonNode m = c.next(WAIT);
        assertThat(m.get("type").asText()).as(m.toString()).isEqualTo("error");
        assertThat(m.get("code").asText()).isEqualTo(code);
        assertThat(m.get("channel").asText()).isEqualTo(channel);
        assertThat(m.get("message").asText()).contains(reasonPart);
    }

    @Test
    void withoutATokenTablesAreRefusedAndMatchesStillFlow() {
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.subscribe(MATCH);
            expectSnapshot(c, MATCH);
            c.subscribe("table:t1");
            expectError(c, "unauthorized", "table:t1", "needs a token");
            c.subscribe("table:t1/seat:p1");
            expectError(c, "unauthorized", "table:t1/seat:p1", "needs a token");
            feed.deltas(MATCH, "e1", 2, 2);
            JsonNode d = c.next(WAIT);
            assertThat(d.get("type").asText()).isEqualTo("delta");
            assertThat(d.get("channel").asText()).isEqualTo(MATCH);
        }
    }

    @Test
    void anUpgradeTokenOpensItsTableAndItsPlayersSeatOnly() {
        try (WsClient c = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + token("t1", "p1")))) {
            c.subscribe(MATCH);
            expectSnapshot(c, MATCH);
            c.subscribe("table:t1");
            expectSnapshot(c, "table:t1");
            c.subscribe("table:t1/seat:p1");
            expectSnapshot(c, "table:t1/seat:p1");
            c.subscribe("table:t1/seat:p2");
            expectError(c, "forbidden", "table:t1/seat:p2", "player p2 only");
            c.subscribe("table:t2");
            expectError(c, "forbidden", "table:t2", "does not name table t2");
            c.send("{\"type\":\"ping\"}");
            assertThat(c.next(WAIT).get("type").asText()).as("the connection lives on").isEqualTo("pong");
        }
    }

    @Test
    void aTokenInTheQueryStringWorksLikeTheHeader() {
        try (WsClient c = WsClient.connect(gateway.port(), "token=" + token("t2", null), Map.of())) {
            c.subscribe("table:t2");
            expectSnapshot(c, "table:t2");
        }
    }

    @Test
    void aSubscriptionMayBringItsOwnToken() {
        try (WsClient c = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + token("t1", "p1")))) {
            c.send("{\"type\":\"subscribe\",\"channel\":\"table:t2\",\"token\":\"" + token("t2", "p9") + "\"}");
            expectSnapshot(c, "table:t2");
            c.subscribe("table:t1");
            expectSnapshot(c, "table:t1");
            c.send("{\"type\":\"subscribe\",\"channel\":\"table:t1/seat:p2\",\"token\":\"" + token("t1", "p2") + "\"}");
            expectSnapshot(c, "table:t1/seat:p2");
        }
    }

    @Test
    void expiredAndForgedTokensAreUnauthorized() {
        String expired = Tokens.issue(Gateways.SECRET, "t1", "p1", Instant.now().minusSeconds(60));
        String forged = Tokens.issue("some-other-secret-some-other-secret", "t1", "p1", null);
        try (WsClient c = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + expired))) {
            c.subscribe("table:t1");
            expectError(c, "unauthorized", "table:t1", "expired");
            c.send("{\"type\":\"subscribe\",\"channel\":\"table:t1\",\"token\":\"" + forged + "\"}");
            expectError(c, "unauthorized", "table:t1", "signature");
            c.subscribe(MATCH);
            expectSnapshot(c, MATCH);
        }
    }

    @Test
    void httpSnapshotsAnswer401Or403() {
        HttpResponse<String> anonymous = Http.get(gateway.port(), "/v1/channels/table:t1");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(Http.get(gateway.port(), "/v1/channels/table:t1", "Authorization", "Bearer " + token("t1", "p1"))
                .statusCode()).isEqualTo(200);
        assertThat(Http.get(gateway.port(), "/v1/channels/table:t1/seat:p1?token=" + token("t1", "p1")).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(gateway.port(), "/v1/channels/table:t1/seat:p2", "Authorization", "Bearer " + token("t1", "p1"))
                .statusCode()).isEqualTo(403);
        assertThat(Http.get(gateway.port(), "/v1/channels/table:t1", "Authorization", "Bearer " + token("t2", "p1"))
                .statusCode()).isEqualTo(403);
        assertThat(Http.get(gateway.port(), "/v1/channels/table:t1", "Authorization", "Bearer garbage").statusCode())
                .isEqualTo(401);
        assertThat(Http.get(gateway.port(), "/v1/channels/" + MATCH).statusCode()).isEqualTo(200);
    }

    @Test
    void sseStreamsAreCheckedBeforeTheyStart() throws Exception {
        try (SseClient sse = SseClient.open(gateway.port(), "channel=table:t1", Map.of())) {
            assertThat(sse.status()).isEqualTo(401);
            assertThat(sse.body()).contains("needs a token");
        }
        try (SseClient sse = SseClient.open(gateway.port(), "channel=" + MATCH + "&channel=table:t1/seat:p2",
                Map.of("Authorization", "Bearer " + token("t1", "p1")))) {
            assertThat(sse.status()).isEqualTo(403);
        }
        try (SseClient sse = SseClient.open(gateway.port(), "channel=table:t1/seat:p1&token=" + token("t1", "p1"), Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.next(WAIT).data().get("channel").asText()).isEqualTo("table:t1/seat:p1");
        }
    }

    @Test
    void theListingShowsWhatTheCallerMayRead() {
        JsonNode anonymous = Http.json(Http.get(gateway.port(), "/v1/channels"));
        assertThat(anonymous.get("channels").findValuesAsText("channel")).containsExactly(MATCH);
        JsonNode player = Http.json(Http.get(gateway.port(), "/v1/channels?prefix=table:",
                "Authorization", "Bearer " + token("t1", "p1")));
        assertThat(player.get("channels").findValuesAsText("channel")).containsExactly("table:t1", "table:t1/seat:p1");
        JsonNode matches = Http.json(Http.get(gateway.port(), "/v1/channels?prefix=match:"));
        assertThat(matches.get("channels").get(0).get("epoch").asText()).isEqualTo("e1");
        assertThat(matches.get("channels").get(0).get("version").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyADevGatewayWithoutASecretHandsOutTokens() {
        assertThat(Http.get(gateway.port(), "/v1/dev/token?table=t1&player=p1").statusCode())
                .as("a gateway with its own secret").isEqualTo(404);

        // a fleet of its own: in the first one's group it would serve only some of the players
        EdgeGateway dev = Gateways.start(topics, b -> b.jwtSecret(null).devMode(true).privateGroup(topics.group() + "-dev"));
        try {
            Await.until("the dev gateway", WAIT, dev::isReady);
            assertThat(Http.get(dev.port(), "/v1/dev/token?table=t1&player=bad/id").statusCode()).isEqualTo(400);
            HttpResponse<String> issued = Http.get(dev.port(), "/v1/dev/token?table=t1&player=p1");
            assertThat(issued.statusCode()).isEqualTo(200);
            String devToken = Http.json(issued).get("token").asText();

            assertThat(Http.get(dev.port(), "/v1/channels/table:t1/seat:p1", "Authorization", "Bearer " + devToken)
                    .statusCode()).isEqualTo(200);
            assertThat(Http.get(dev.port(), "/v1/channels/table:t1/seat:p2", "Authorization", "Bearer " + devToken)
                    .statusCode()).isEqualTo(403);
        } finally {
            dev.close();
        }
    }
}
