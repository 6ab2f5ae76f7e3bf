package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.action.Verdict;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.testkit.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Players act through the gateway, end to end on a real broker: the test plays the job, reading
 * the moves the gateway produces and answering on the verdicts topic. Every refusal before Kafka is
 * an error frame naming the action, and produces nothing.
 */
class ActTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Broker.Topics topics;
    private static EdgeGateway gateway;
    private static EdgeGateway other;
    private static TopicReader moves;
    private static KafkaProducer<String, String> job;

    @BeforeAll
    static void start() throws InterruptedException {
        topics = Broker.topics(2);
        gateway = Gateways.start(topics, b -> b.movesPerSecond(5).moveBurst(5));
        other = Gateways.start(topics);
        assertThat(gateway.awaitMovesReady(WAIT)).isTrue();
        assertThat(other.awaitMovesReady(WAIT)).isTrue();
        moves = new TopicReader(TestBroker.get().bootstrapServers(), topics.tables());
        job = Kafka.producer(TestBroker.get().bootstrapServers());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        other.close();
        moves.close();
        job.close();
    }

    private static String token(String table, String player) {
        return Tokens.issue(Gateways.SECRET, table, player, Instant.now().plusSeconds(600));
    }

    private static WsClient connect(EdgeGateway g, String token) {
        return WsClient.connect(g.port(), "", Map.of("Authorization", "Bearer " + token));
    }

    private static ObjectNode bet(long amount) {
        ObjectNode a = Json.object();
        a.put("type", "bet");
        a.put("amount", amount);
        return a;
    }

    /** Answers as the job does: a verdict keyed by the player. */
    private static void decide(Verdict verdict) {
        Kafka.sendAndWait(job, new ProducerRecord<>(topics.verdicts(), verdict.playerId(), Json.string(verdict)));
    }

    private static Verdict accepted(String player, String id, String table, long version) {
        return Verdict.accepted(new Actions.Action(player, id), "table:" + table, Actions.eventId(player, id), version,
                Instant.now());
    }

    private static List<JsonNode> awaitMoves(String table, int count) {
        return Await.value("moves at " + table, WAIT, () -> {
            List<JsonNode> got = allMovesAt(table);
            return got.size() >= count ? got : null;
        });
    }

    private static final Map<String, List<JsonNode>> SEEN = new ConcurrentHashMap<>();

    private static synchronized List<JsonNode> allMovesAt(String table) {
        for (ConsumerRecord<String, String> r : moves.read()) {
            SEEN.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Json.tree(r.value()));
        }
        return List.copyOf(SEEN.getOrDefault(table, List.of()));
    }

    private static void expectError(JsonNode answer, String code, String messagePart) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("error");
        assertThat(answer.path("code").asText()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.path("message").asText()).contains(messagePart);
    }

    @Test
    void aMoveBecomesTheTablesEventStampedWithThePlayerOfTheTokenAndIsAnsweredWithTheVerdict() {
        try (WsClient p1 = connect(gateway, token("act-1", "p1"))) {
            p1.act("a-1", "table:act-1", bet(20));
            JsonNode event = awaitMoves("act-1", 1).get(0);
            assertThat(event.path("type").asText()).isEqualTo("bet");
            assertThat(event.path("eventId").asText()).isEqualTo("act:p1:a-1");
            assertThat(event.path("tableId").asText()).isEqualTo("act-1");
            assertThat(event.path("playerId").asText()).isEqualTo("p1");
            assertThat(event.path("amount").asLong()).isEqualTo(20);
            assertThat(Instant.parse(event.path("eventTime").asText())).isCloseTo(Instant.now(),
                    within(30, ChronoUnit.SECONDS));

            decide(accepted("p1", "a-1", "act-1", 57));
            JsonNode verdict = p1.answer("a-1", WAIT);
            assertThat(verdict.path("type").asText()).isEqualTo("verdict");
            assertThat(verdict.path("channel").asText()).isEqualTo("table:act-1");
            assertThat(verdict.path("accepted").asBoolean()).isTrue();
            assertThat(verdict.path("version").asLong()).isEqualTo(57);
            assertThat(verdict.has("reason")).isFalse();

            decide(Verdict.refused(new Actions.Action("p1", "a-2"), "table:act-1", "act:p1:a-2", "not your turn",
                    Instant.now()));
            p1.act("a-2", "table:act-1", bet(20));
            JsonNode refused = p1.answer("a-2", WAIT);
            assertThat(refused.path("accepted").asBoolean()).isFalse();
            assertThat(refused.path("reason").asText()).isEqualTo("not your turn");
        }
    }

    @Test
    void theJobRepeatingAVerdictReachesThePlayerOnceAndARetryIsAnsweredAgain() throws InterruptedException {
        try (WsClient p2 = connect(gateway, token("act-2", "p2"))) {
            p2.act("r-1", "table:act-2", bet(10));
            awaitMoves("act-2", 1);
            decide(accepted("p2", "r-1", "act-2", 3));
            decide(accepted("p2", "r-1", "act-2", 3));
            p2.until(m -> m.path("type").asText().equals("verdict"), WAIT);
            assertThat(p2.silentFor(Duration.ofMillis(700))).isTrue();
            assertThat(p2.answers("r-1")).hasSize(1);

            p2.act("r-1", "table:act-2", bet(10));
            List<JsonNode> produced = awaitMoves("act-2", 2);
            assertThat(produced.get(1).path("eventId").asText()).as("a retry is the same event")
                    .isEqualTo(produced.get(0).path("eventId").asText());
            decide(accepted("p2", "r-1", "act-2", 3));
            Await.until("the retry's answer", WAIT, () -> p2.answers("r-1").size() == 2);
        }
    }

    @Test
    void aVerdictReachesThePlayerOnAnotherGatewayAfterTheOneThatTookTheMoveIsGone() {
        try (WsClient onA = connect(gateway, token("act-3", "p3"))) {
            onA.act("f-1", "table:act-3", bet(10));
            awaitMoves("act-3", 1);
        }
        try (WsClient onB = connect(other, token("act-3", "p3"))) {
            onB.ping();
            assertThat(onB.next(WAIT).path("type").asText()).isEqualTo("pong");
            decide(accepted("p3", "f-1", "act-3", 9));
            JsonNode verdict = onB.answer("f-1", WAIT);
            assertThat(verdict.path("accepted").asBoolean()).isTrue();
            assertThat(verdict.path("version").asLong()).isEqualTo(9);
        }
    }

    @Test
    void refusalsBeforeKafkaNameTheActionKeepTheConnectionAndProduceNothing() {
        String table = "act-4";
        try (WsClient p = connect(other, token(table, "p4"))) {
            p.send("{\"type\":\"act\",\"channel\":\"table:act-4\",\"action\":{\"type\":\"pack\"}}");
            expectError(p.next(WAIT), "bad-request", "\"id\"");

            p.send("{\"type\":\"act\",\"id\":\"m-1\",\"channel\":\"table:act-4\",\"action\":7}");
            expectError(p.answer("m-1", WAIT), "bad-request", "\"action\"");

            ObjectNode start = Json.object();
            start.put("type", "hand.start");
            start.put("seed", 1);
            p.act("m-2", "table:" + table, start);
            expectError(p.answer("m-2", WAIT), "not-a-player-move", "hand.start");

            ObjectNode impersonation = bet(10);
            impersonation.put("playerId", "p5");
            p.act("m-3", "table:" + table, impersonation);
            expectError(p.answer("m-3", WAIT), "bad-request", "playerId");

            p.act("m-4", "table:other-table", bet(10));
            expectError(p.answer("m-4", WAIT), "forbidden", "other-table");

            p.act("m-5", "table:" + table + "/seat:p5", bet(10));
            expectError(p.answer("m-5", WAIT), "bad-request", "seat");

            ObjectNode noAmount = Json.object();
            noAmount.put("type", "bet");
            p.act("m-6", "table:" + table, noAmount);
            expectError(p.answer("m-6", WAIT), "bad-request", "amount");

            ObjectNode expired = bet(10);
            p.send(Json.string(Map.of("type", "act", "id", "m-7", "channel", "table:" + table, "action", expired,
                    "token", Tokens.issue(Gateways.SECRET, table, "p4", Instant.now().minusSeconds(5)))));
            expectError(p.answer("m-7", WAIT), "unauthorized", "expired");

            p.send(Json.string(Map.of("type", "act", "id", "m-8", "channel", "table:" + table, "action", bet(10),
                    "token", Tokens.issue(Gateways.SECRET, table, null, null))));
            expectError(p.answer("m-8", WAIT), "forbidden", "spectator");

            p.act("m-9", "scores", bet(10));
            expectError(p.answer("m-9", WAIT), "not-a-player-move", "players do not act on scores");

            p.act("m-10", "match:1082591", bet(10));
            expectError(p.answer("m-10", WAIT), "not-a-player-move", "a player may send bet.place");

            p.ping();
            assertThat(p.until(m -> m.path("type").asText().equals("pong"), WAIT)).isNotEmpty();
            assertThat(p.isClosed()).isFalse();
        }
        assertThat(allMovesAt(table)).as("nothing produced").isEmpty();
    }

    @Test
    void aFloodIsRateLimitedWhileAnotherConnectionActsOn() {
        String table = "act-5";
        try (WsClient flood = connect(gateway, token(table, "p6"));
                WsClient calm = connect(gateway, token(table, "p7"))) {
            for (int i = 0; i < 30; i++) {
                flood.act("x-" + i, "table:" + table, bet(10));
            }
            Await.until("every flood move answered or sent", WAIT,
                    () -> flood.errors().stream().filter(e -> e.path("code").asText().equals("rate-limited")).count()
                            + allMovesAt(table).size() >= 30);
            long limited = flood.errors().stream().filter(e -> e.path("code").asText().equals("rate-limited")).count();
            assertThat(limited).as("beyond the burst of 5, at 5 a second").isBetween(20L, 25L);
            assertThat(flood.isClosed()).isFalse();

            calm.act("c-1", "table:" + table, bet(10));
            Await.until("the calm player's move", WAIT,
                    () -> allMovesAt(table).stream().anyMatch(m -> m.path("eventId").asText().equals("act:p7:c-1")));
            assertThat(calm.errors()).isEmpty();
        }
    }

    @Test
    void overHttpAMoveIsAnsweredWithItsVerdictOrPendingAndRefusalsGetTheirStatus() throws Exception {
        String table = "act-6";
        String token = token(table, "p8");
        Thread answerer = new Thread(() -> {
            awaitMoves(table, 1);
            decide(accepted("p8", "h-1", table, 4));
        });
        answerer.start();
        HttpResponse<String> ok = post(table, token, "{\"id\":\"h-1\",\"action\":{\"type\":\"cards.see\"}}");
        answerer.join();
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode verdict = Json.tree(ok.body());
        assertThat(verdict.path("type").asText()).isEqualTo("verdict");
        assertThat(verdict.path("id").asText()).isEqualTo("h-1");
        assertThat(verdict.path("version").asLong()).isEqualTo(4);

        EdgeGateway quick = Gateways.start(topics, b -> b.verdictWait(Duration.ofMillis(300)));
        try {
            assertThat(quick.awaitMovesReady(WAIT)).isTrue();
            HttpResponse<String> pending = Http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + quick.port() + "/v1/channels/table:" + table + "/actions"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"h-2\",\"action\":{\"type\":\"pack\"}}"))
                    .build());
            assertThat(pending.statusCode()).isEqualTo(202);
            assertThat(Json.tree(pending.body()).path("status").asText()).isEqualTo("pending");
        } finally {
            quick.close();
        }

        HttpResponse<String> anonymous = post(table, null, "{\"id\":\"h-3\",\"action\":{\"type\":\"pack\"}}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Json.tree(anonymous.body()).path("code").asText()).isEqualTo("unauthorized");
        assertThat(post(table, token, "{\"id\":\"h-4\",\"action\":{\"type\":\"turn.timeout\"}}").statusCode())
                .isEqualTo(400);
        assertThat(post(table, token, "not json").statusCode()).isEqualTo(400);
        assertThat(post(table, token, "{\"id\":\"h-5\",\"action\":{\"type\":\"bet\",\"amount\":1,\"pad\":\""
                + "x".repeat(5000) + "\"}}").statusCode()).isEqualTo(413);
        assertThat(Http.get(gateway.port(), "/v1/channels/table:" + table + "/actions").statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> post(String table, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/v1/channels/table:" + table + "/actions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }
}
