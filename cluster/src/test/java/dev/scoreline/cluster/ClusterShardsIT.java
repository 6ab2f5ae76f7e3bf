package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.WsClient;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.Credit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Private channels shared out among the gateways (the cluster's two, separate processes): every
 * player's wallet channel is followed by a client that connects where {@code GET /v1/route} says,
 * while its wallet keeps changing and the gateways leave and join: one is stopped (its players
 * move to the other), started again (the group gives it back a share: players move to it), and
 * the other is killed with {@code kill -9} (its players move once Kafka notices) and started again.
 * Every client ends with its wallet exactly as the job made it, no change lost or applied twice,
 * no frame of anyone else's; a match followed at the same time never notices.
 */
class ClusterShardsIT {

    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final int PLAYERS = 16;
    private static final long START = 1_000;

    static Cluster cluster;
    static Feed feed;
    static KafkaProducer<String, String> wallets;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cluster = SharedCluster.get();
        feed = new Feed(cluster.bootstrapServers());
        wallets = Kafka.producer(cluster.bootstrapServers(), new StringSerializer(), Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "2"));
    }

    @AfterAll
    static void stop() {
        wallets.close();
        feed.close();
    }

    @Test
    void aPlayersPrivateChannelFollowsThemAcrossGatewaysLeavingJoiningAndKilledLosingNothing() throws Exception {
        List<Integer> ports = cluster.layout().members(Role.GATEWAY).stream().map(Member::port).toList();
        List<String> players = new ArrayList<>();
        for (int i = 1; i <= PLAYERS; i++) {
            String player = "shard-p" + i;
            players.add(player);
            credit(player, "credit:start", START);
        }
        AtomicLongArray credited = new AtomicLongArray(PLAYERS);
        List<GatewayClient> clients = new ArrayList<>();
        List<MatchEvent> match = CricsheetRecords.events("1426312", "shards");
        GatewayClient watcher = null;
        AtomicBoolean crediting = new AtomicBoolean(true);
        CompletableFuture<Void> credits = null;
        try {
            for (String player : players) {
                clients.add(GatewayClient.routed(ports, "player:" + player,
                        Tokens.issuePlayer(cluster.gatewaySecret(), player, null)));
            }
            for (GatewayClient c : clients) {
                Await.until(c.view.channel() + " at its first version", SETTLE, () -> c.view.version() >= 1);
            }
            assertThat(clients.stream().map(GatewayClient::port).distinct().count())
                    .as("the players are shared out between both gateways").isEqualTo(2);
            heldOnce(ports, players);

            watcher = new GatewayClient(ports, 0, "match:shards");
            Feed.Replay replay = feed.replay(match, Duration.ofMillis(40));
            credits = CompletableFuture.runAsync(() -> {
                for (int n = 0; crediting.get(); n++) {
                    int i = n % PLAYERS;
                    credit(players.get(i), "credit:shards-" + n, 1);
                    credited.incrementAndGet(i);
                    sleep(20);
                }
            });

            sleep(2_000);
            cluster.stop("gateway-2");
            awaitEveryoneOn(clients, List.of(ports.get(0)));
            sleep(2_000);
            cluster.start("gateway-2");
            Await.until("the players shared out again", SETTLE,
                    () -> clients.stream().map(GatewayClient::port).distinct().count() == 2);
            sleep(2_000);
            cluster.kill("gateway-1");
            awaitEveryoneOn(clients, List.of(ports.get(1)));
            sleep(2_000);
            cluster.start("gateway-1");
            Await.until("the players shared out once more", SETTLE,
                    () -> clients.stream().map(GatewayClient::port).distinct().count() == 2);
            sleep(2_000);
            crediting.set(false);
            credits.join();
            replay.done.join();

            for (int i = 0; i < PLAYERS; i++) {
                GatewayClient c = clients.get(i);
                long balance = START + credited.get(i);
                Await.until(c.view.channel() + " with balance " + balance, SETTLE,
                        () -> c.view.state() != null && c.view.state().path("balance").asLong() == balance);
            }
            int moves = 0;
            for (GatewayClient c : clients) {
                assertThat(c.view.gaps()).as("%s: changes lost", c.view.channel()).isZero();
                assertThat(c.view.appliedTwice()).as("%s: changes applied twice", c.view.channel()).isZero();
                assertThat(c.foreign).as("%s: frames of channels not its own", c.view.channel()).isEmpty();
                moves += c.connections() - 1;
            }
            assertThat(moves).as("clients moved to another gateway and resumed there").isGreaterThanOrEqualTo(PLAYERS);
            heldOnce(ports, players);

            MatchChecks.awaitSettled(watcher.view, match, SETTLE);
            MatchChecks.assertExact(watcher.view, match);
            assertThat(watcher.connections()).as("the match's client reconnected when its own gateway was killed, "
                    + "never for a rebalance").isEqualTo(2);
            assertThat(watcher.view.appliedTwice()).isZero();

            try (WsClient spy = WsClient.connect(clients.get(0).port(), "", Map.of("Authorization", "Bearer "
                    + Tokens.issuePlayer(cluster.gatewaySecret(), players.get(0), null)))) {
                spy.subscribe("player:" + players.get(1));
                JsonNode error = Await.value("the answer to a subscription to another player's wallet", SETTLE,
                        () -> spy.errors().isEmpty() ? null : spy.errors().get(0));
                assertThat(error.path("code").asText()).isEqualTo("forbidden");
            }
            Figures.record(String.format("private channels: %d players' wallets followed across a gateway stopped, "
                    + "started, killed -9 and started: %d moves, changes lost 0, applied twice 0", PLAYERS, moves));
        } finally {
            crediting.set(false);
            clients.forEach(GatewayClient::close);
            if (watcher != null) {
                watcher.close();
            }
        }
    }

    /**
     * Each player's wallet is held by exactly one gateway: it answers its snapshot there, and the
     * other gateway sends the player on (307) or is down.
     */
    private static void heldOnce(List<Integer> ports, List<String> players) {
        for (String player : players) {
            String token = Tokens.issuePlayer(cluster.gatewaySecret(), player, null);
            Await.until(player + "'s wallet held by one gateway", SETTLE, () -> {
                int holding = 0;
                for (int port : ports) {
                    int status = snapshotStatus(port, "player:" + player, token);
                    if (status == 200) {
                        holding++;
                    } else if (status != 307 && status != -1) {
                        return false;
                    }
                }
                return holding == 1;
            });
        }
    }

    /** The status of {@code GET /v1/channels/<channel>} at a gateway, -1 when it does not answer. */
    private static int snapshotStatus(int port, String channel, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/channels/" + channel
                    + "?token=" + token)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitEveryoneOn(List<GatewayClient> clients, List<Integer> ports) {
        Await.until("every player served by " + ports, SETTLE,
                () -> clients.stream().allMatch(c -> ports.contains(c.port()) && c.view.version() > 0 && c.connected()));
    }

    private static void credit(String player, String id, long chips) {
        Kafka.sendAndWait(wallets, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                Json.string(new Credit(id, player, Instant.now(), chips, "bonus"))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
