package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.testkit.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's side of the wallets, on a real broker: a player's sit goes to their wallet first,
 * keyed by the player; the game backend's credits and debits come in over HTTP with a token of the
 * server secret alone; the wallet's channel opens to its own player only; and in dev mode a
 * player's token brings a welcome bonus.
 */
class WalletsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SERVER_SECRET = "wallets-test-server-secret-0123456789";
    private static Broker.Topics topics;
    private static Feed feed;
    private static EdgeGateway gateway;
    private static TopicReader wallets;
    private static TopicReader tables;
    private static final List<JsonNode> SEEN = new ArrayList<>();

    @BeforeAll
    static void start() {
        topics = Broker.topics(2);
        feed = new Feed(topics);
        gateway = Gateways.start(topics, b -> b.serverSecret(SERVER_SECRET));
        wallets = new TopicReader(TestBroker.get().bootstrapServers(), topics.wallets());
        tables = new TopicReader(TestBroker.get().bootstrapServers(), topics.tables());
        feed.snapshot("player:p7", "e1", 1);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        feed.close();
        wallets.close();
        tables.close();
    }

    private static String playerToken(String player) {
        return Tokens.issue(Gateways.SECRET, "w-1", player, Instant.now().plusSeconds(600));
    }

    private static synchronized JsonNode awaitWalletEvent(String eventId) {
        return Await.value("wallet event " + eventId, WAIT, () -> {
            for (ConsumerRecord<String, String> r : wallets.read()) {
                ObjectNode event = (ObjectNode) Json.tree(r.value());
                event.put("$key", r.key());
                SEEN.add(event);
            }
            return SEEN.stream().filter(e -> e.path("eventId").asText().equals(eventId)).findFirst().orElse(null);
        });
    }

    private static HttpResponse<String> order(EdgeGateway g, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + g.port() + "/v1/wallets/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    @Test
    void aSitGoesToThePlayersWalletKeyedByThePlayerAndNothingToTheTable() {
        try (WsClient p7 = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + playerToken("p7")))) {
            p7.act("s-1", "table:w-1", Json.object().put("type", "player.sit").put("seat", 2).put("chips", 500));
            JsonNode sit = awaitWalletEvent("act:p7:s-1");
            assertThat(sit.path("$key").asText()).isEqualTo("p7");
            assertThat(sit.path("type").asText()).isEqualTo("player.sit");
            assertThat(sit.path("tableId").asText()).isEqualTo("w-1");
            assertThat(sit.path("playerId").asText()).isEqualTo("p7");
            assertThat(sit.path("chips").asLong()).isEqualTo(500);
            assertThat(sit.has("fromWallet")).as("only the wallet says that").isFalse();
        }
        assertThat(tables.read()).as("the table hears of it from the wallet, not the gateway").isEmpty();
    }

    @Test
    void aBetOnAMatchGoesToThePlayersWalletAndTheMarketsAreAnyonesToWatchButNotToActOn() {
        feed.snapshot("match:m-1/markets", "e1", 4);
        try (WsClient p7 = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + playerToken("p7")))) {
            p7.act("bet-1", "match:m-1", Json.object().put("type", "bet.place").put("market", "ball:1.88")
                    .put("outcome", "4").put("stake", 50));
            JsonNode bet = awaitWalletEvent("act:p7:bet-1");
            assertThat(bet.path("$key").asText()).isEqualTo("p7");
            assertThat(bet.path("type").asText()).isEqualTo("bet.place");
            assertThat(bet.path("matchId").asText()).isEqualTo("m-1");
            assertThat(bet.path("market").asText()).isEqualTo("ball:1.88");
            assertThat(bet.path("stake").asLong()).isEqualTo(50);
            assertThat(bet.has("tableId")).isFalse();

            p7.act("bet-2", "match:m-1", Json.object().put("type", "bet.place").put("market", "next-ball")
                    .put("outcome", "4").put("stake", 50));
            JsonNode refused = p7.next(WAIT);
            assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("bad-request");
            assertThat(refused.path("message").asText()).contains("action.market").contains("is not a market");

            p7.act("bet-3", "match:m-1/markets", Json.object().put("type", "bet.place").put("market", "winner")
                    .put("outcome", "Home").put("stake", 5));
            JsonNode onMarkets = p7.next(WAIT);
            assertThat(onMarkets.path("code").asText()).as(onMarkets.toString()).isEqualTo("bad-request");
            assertThat(onMarkets.path("message").asText()).contains("act on the channel match:m-1, not on match:m-1/markets");
        }
        try (WsClient anyone = WsClient.connect(gateway.port(), "", Map.of())) {
            anyone.subscribe("match:m-1/markets");
            JsonNode m = anyone.next(WAIT);
            assertThat(m.path("type").asText()).as(m.toString()).isEqualTo("snapshot");
            assertThat(m.path("channel").asText()).isEqualTo("match:m-1/markets");
            anyone.act("bet-9", "match:m-1", Json.object().put("type", "bet.place").put("market", "winner")
                    .put("outcome", "Home").put("stake", 5));
            JsonNode refused = anyone.next(WAIT);
            assertThat(refused.path("code").asText()).as(refused.toString()).isEqualTo("unauthorized");
            assertThat(refused.path("message").asText()).contains("needs a player's token");
        }
        assertThat(awaitWalletEvent("act:p7:bet-1")).isNotNull();
        assertThat(SEEN).noneMatch(e -> e.path("eventId").asText().equals("act:p7:bet-2"));
    }

    @Test
    void theBackendCreditsAndDebitsWithItsOwnTokenAndNobodyElseCan() {
        String server = Tokens.issueServer(SERVER_SECRET, "shop", Instant.now().plusSeconds(600));
        HttpResponse<String> credit = order(gateway, "p7/credits", server,
                "{\"id\":\"order-1\",\"chips\":5000,\"cause\":\"purchase\"}");
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(202);
        assertThat(Json.tree(credit.body()).path("eventId").asText()).isEqualTo("credit:order-1");
        JsonNode event = awaitWalletEvent("credit:order-1");
        assertThat(event.path("$key").asText()).isEqualTo("p7");
        assertThat(event.path("type").asText()).isEqualTo("wallet.credit");
        assertThat(event.path("chips").asLong()).isEqualTo(5000);
        assertThat(event.path("cause").asText()).isEqualTo("purchase");

        assertThat(order(gateway, "p7/debits", server, "{\"id\":\"out-1\",\"chips\":100,\"cause\":\"cash-out\"}")
                .statusCode()).isEqualTo(202);
        assertThat(awaitWalletEvent("debit:out-1").path("type").asText()).isEqualTo("wallet.debit");

        HttpResponse<String> player = order(gateway, "p7/credits", playerToken("p7"),
                "{\"id\":\"order-2\",\"chips\":5000,\"cause\":\"purchase\"}");
        assertThat(player.statusCode()).as("a player's token moves no chip").isEqualTo(401);
        assertThat(order(gateway, "p7/credits", null, "{\"id\":\"order-3\",\"chips\":5,\"cause\":\"bonus\"}")
                .statusCode()).isEqualTo(401);
        HttpResponse<String> zero = order(gateway, "p7/credits", server, "{\"id\":\"order-4\",\"chips\":0,\"cause\":\"bonus\"}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(Json.tree(zero.body()).path("message").asText()).contains("order.chips");
        assertThat(order(gateway, "p7/credits", server, "{\"chips\":5,\"cause\":\"bonus\"}").statusCode())
                .as("no id").isEqualTo(400);
        assertThat(order(gateway, "p%3A7/credits", server, "{\"id\":\"o\",\"chips\":5,\"cause\":\"bonus\"}").statusCode())
                .isEqualTo(400);
        assertThat(order(gateway, "p7/gifts", server, "{\"id\":\"o\",\"chips\":5,\"cause\":\"bonus\"}").statusCode())
                .isEqualTo(404);
        assertThat(Http.get(gateway.port(), "/v1/wallets/p7/credits").statusCode()).isEqualTo(405);

        // a group of its own: joining the shared gateway's would take players from it while the next test runs
        EdgeGateway closed = Gateways.start(topics, b -> b.privateGroup("wallets-test-no-secret"));
        try {
            HttpResponse<String> none = order(closed, "p7/credits", server, "{\"id\":\"o-9\",\"chips\":5,\"cause\":\"bonus\"}");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(Json.tree(none.body()).path("message").asText()).contains("no server secret");
        } finally {
            closed.close();
        }
    }

    @Test
    void theWalletsChannelOpensToItsOwnPlayerOnly() {
        try (WsClient own = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + playerToken("p7")))) {
            own.subscribe("player:p7");
            JsonNode m = own.next(WAIT);
            assertThat(m.path("type").asText()).as(m.toString()).isEqualTo("snapshot");
            assertThat(m.path("channel").asText()).isEqualTo("player:p7");
        }
        try (WsClient other = WsClient.connect(gateway.port(), "", Map.of("Authorization", "Bearer " + playerToken("p8")))) {
            other.subscribe("player:p7");
            JsonNode m = other.next(WAIT);
            assertThat(m.path("type").asText()).isEqualTo("error");
            assertThat(m.path("code").asText()).isEqualTo("forbidden");
            assertThat(m.path("message").asText()).contains("player:p7 is readable by player p7 only");
        }
        assertThat(Http.get(gateway.port(), "/v1/channels/player:p7").statusCode()).isEqualTo(401);
    }

    @Test
    void inDevModeAVisitorsTokenBringsAWelcomeBonusAndAWatchedSeatsNone() {
        EdgeGateway dev = Gateways.start(topics, b -> b.jwtSecret(null).devMode(true).privateGroup("wallets-test-dev"));
        try {
            assertThat(Http.get(dev.port(), "/v1/dev/token?table=w-1&player=watched-1").statusCode()).isEqualTo(200);
            HttpResponse<String> token = Http.get(dev.port(), "/v1/dev/token?table=w-1&player=guest-42&welcome=true");
            assertThat(token.statusCode()).isEqualTo(200);
            JsonNode bonus = awaitWalletEvent("credit:welcome");
            assertThat(bonus.path("playerId").asText()).isEqualTo("guest-42");
            assertThat(bonus.path("chips").asLong()).isPositive();
            assertThat(bonus.path("cause").asText()).isEqualTo("bonus");
            assertThat(SEEN).as("a token to watch a seat brings no bonus")
                    .noneMatch(e -> e.path("playerId").asText().equals("watched-1"));
        } finally {
            dev.close();
        }
        assertThat(GatewayConfig.DEV_SECRET).isNotEqualTo(SERVER_SECRET);
    }
}
