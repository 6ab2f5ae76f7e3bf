package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.WsClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gateways sharing the private channels: each holds and serves the players of the partitions its
 * group gave it, sends the others where they are served, and hands its players over when a
 * gateway joins or leaves.
 */
class ShardsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PLAYERS = 12;

    private static String token(String player) {
        return Tokens.issuePlayer(Gateways.SECRET, player, null);
    }

    private static int privateChannels(EdgeGateway g) {
        for (String line : new String(g.metricsText(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("scoreline_gateway_private_channels ")) {
                return (int) Double.parseDouble(line.split(" ")[1]);
            }
        }
        return -1;
    }

    private static JsonNode route(EdgeGateway at, String player) {
        return Await.value("the route of " + player, WAIT, () -> {
            HttpResponse<String> r = Http.get(at.port(), "/v1/route", "Authorization", "Bearer " + token(player));
            return r.statusCode() == 200 ? Http.json(r) : null;
        });
    }

    private static EdgeGateway owner(List<EdgeGateway> gateways, String player) {
        String url = route(gateways.get(0), player).path("gateway").asText();
        return gateways.stream().filter(g -> g.advertisedUrl().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no gateway at " + url));
    }

    @Test
    void eachGatewayHoldsItsShareSendsTheRestOnAndHandsItsPlayersOverWhenTheFleetChanges() {
        Broker.Topics topics = Broker.topics(4);
        List<EdgeGateway> gateways = new ArrayList<>();
        try (Feed feed = new Feed(topics)) {
            gateways.add(Gateways.start(topics));
            gateways.add(Gateways.start(topics));
            List<String> players = new ArrayList<>();
            for (int i = 1; i <= PLAYERS; i++) {
                players.add("sp" + i);
                feed.snapshot("player:sp" + i, "e1", 1);
            }
            feed.snapshot("match:shards", "e1", 1);
            Await.until("every wallet held once", WAIT,
                    () -> privateChannels(gateways.get(0)) + privateChannels(gateways.get(1)) == PLAYERS);
            assertThat(gateways).allMatch(g -> privateChannels(g) < PLAYERS, "holds only its share");
            for (EdgeGateway g : gateways) {
                assertThat(Http.get(g.port(), "/v1/channels/match:shards").statusCode()).as("public everywhere").isEqualTo(200);
            }

            String player = players.stream().filter(p -> owner(gateways, p) == gateways.get(1)).findFirst().orElseThrow();
            EdgeGateway serving = gateways.get(1);
            EdgeGateway other = gateways.get(0);
            assertThat(route(other, player).path("gateway").asText()).isEqualTo(serving.advertisedUrl());
            assertThat(route(other, player).path("websocket").asText()).isEqualTo(
                    serving.advertisedUrl().replace("http", "ws") + "/ws");

            HttpResponse<String> redirected = Http.get(other.port(), "/v1/channels/player:" + player + "?token=" + token(player));
            assertThat(redirected.statusCode()).isEqualTo(307);
            URI location = URI.create(redirected.headers().firstValue("Location").orElseThrow());
            assertThat(location.getPort()).isEqualTo(serving.port());
            assertThat(Http.get(serving.port(), location.getRawPath() + "?" + location.getRawQuery()).statusCode()).isEqualTo(200);

            try (WsClient misrouted = WsClient.connect(other.port(), "", Map.of("Authorization", "Bearer " + token(player)))) {
                misrouted.subscribe("player:" + player);
                assertThat(misrouted.next(WAIT).path("code").asText()).isEqualTo("moved");
                assertThat(misrouted.awaitClose(WAIT).code()).isEqualTo(CloseReason.MOVED.code());
            }

            List<WsClient> followers = new ArrayList<>();
            try {
                for (String p : players) {
                    EdgeGateway at = owner(gateways, p);
                    WsClient c = WsClient.connect(at.port(), "", Map.of("Authorization", "Bearer " + token(p)));
                    c.subscribe("player:" + p);
                    assertThat(c.next(WAIT).path("type").asText()).isEqualTo("snapshot");
                    followers.add(c);
                }
                gateways.add(Gateways.start(topics));
                Await.until("the third gateway takes its share", WAIT, () -> privateChannels(gateways.get(2)) > 0
                        && gateways.stream().mapToInt(ShardsTest::privateChannels).sum() == PLAYERS);
                long moved = followers.stream().filter(WsClient::isClosed).count();
                assertThat(moved).as("players whose partition went to the newcomer were told to move").isPositive();
                assertThat(followers.stream().filter(WsClient::isClosed))
                        .allMatch(c -> c.awaitClose(WAIT).code() == CloseReason.MOVED.code());
                assertThat(moved).as("the others stay where they are").isLessThan(PLAYERS);
            } finally {
                followers.forEach(WsClient::close);
            }

            gateways.remove(0).close();
            Await.until("the two left share every wallet", WAIT,
                    () -> gateways.stream().mapToInt(ShardsTest::privateChannels).sum() == PLAYERS);
            for (String p : players) {
                // Until the group has settled, a route may still name the closed gateway (the directory
                // is up to a second old) and the gateway it names may not hold the partition yet: a
                // client retries either, as does this.
                Await.until(p + " served at the gateway its route names", WAIT, () -> {
                    String url = route(gateways.get(0), p).path("gateway").asText();
                    EdgeGateway at = gateways.stream().filter(g -> g.advertisedUrl().equals(url)).findFirst().orElse(null);
                    if (at == null) {
                        return false;
                    }
                    int status = Http.get(at.port(), "/v1/channels/player:" + p + "?token=" + token(p)).statusCode();
                    assertThat(status).as("answered, or sent on or told to retry while the group settles").isIn(200, 307, 503);
                    return status == 200;
                });
            }
        } finally {
            gateways.forEach(EdgeGateway::close);
        }
    }
}
