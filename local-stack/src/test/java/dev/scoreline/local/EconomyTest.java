package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.table.sim.GatewayPlayer;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.testkit.WsClient;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.Debit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The game's economy on the real parts in one JVM: a Kafka broker, the job on a Flink MiniCluster
 * and a gateway. The backend credits the bots' wallets, the bots buy in, play hands at three
 * tables through the gateway and leave; a debit goes through and one above the balance is refused.
 * Then {@code ./scoreline books} finds every chip: back in the wallets, each movement in the
 * player's channel.
 */
class EconomyTest {

    private static final TableConfig CONFIG = new TableConfig(4, 10, 160, 3, 1_000, 10, 100L, 2_000L, true);
    private static final int TABLES = 3;
    private static final int BOTS = 3;
    private static final long CREDIT = 2_000;
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void botsBuyInPlayAndLeaveAndTheBooksBalance() throws Exception {
        Path secret = dir.resolve("dealer-secret");
        Files.writeString(secret, "economy-test-dealer");
        try (InProcessKafka kafka = InProcessKafka.start(dir.resolve("kafka"))) {
            for (Topic t : Topic.values()) {
                kafka.createTopic(t.defaultName(), 2, t.config());
            }
            String bootstrap = kafka.bootstrapServers();
            try (LocalJob job = LocalJob.start(JobOptions.parse("--bootstrap", bootstrap, "--entities", "table",
                            "--dealer-secret-file", secret.toString(), "--starting-offsets", "earliest",
                            "--parallelism", "2", "--checkpoint-interval", "2s"), dir.resolve("job"), false);
                    EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder(bootstrap).bindAddress("127.0.0.1")
                            .port(0).devMode(true).build()).start();
                    KafkaProducer<String, String> backend = Kafka.producer(bootstrap)) {
                job.awaitRunning(WAIT);
                assertThat(gateway.awaitReady(WAIT)).isTrue();
                assertThat(gateway.awaitMovesReady(WAIT)).isTrue();
                Instant now = Instant.now();
                List<String> players = new ArrayList<>();
                for (int t = 1; t <= TABLES; t++) {
                    String table = "eco-" + t;
                    Kafka.sendAndWait(backend, new ProducerRecord<>(Topic.TABLE_EVENTS.defaultName(), table,
                            Json.string(new TableOpen(table + ":open", table, now, CONFIG))));
                    for (int s = 1; s <= BOTS; s++) {
                        String player = table + "-p" + s;
                        players.add(player);
                        Kafka.sendAndWait(backend, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                                Json.string(new Credit("credit:start", player, now, CREDIT, "purchase"))));
                    }
                }

                play(gateway, players);
                for (String player : players) {
                    leave(gateway, player);
                }

                String rich = players.get(0);
                Kafka.sendAndWait(backend, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), rich,
                        Json.string(new Debit("debit:cash-out-1", rich, Instant.now(), 100, "cash-out"))));
                Kafka.sendAndWait(backend, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), rich,
                        Json.string(new Debit("debit:cash-out-2", rich, Instant.now(), 1_000_000, "cash-out"))));
                JsonNode refused = Await.value("the debit above the balance dead-lettered", WAIT, () ->
                        TopicReader.readAll(bootstrap, Topic.DEAD_LETTERS.defaultName()).stream()
                                .map(r -> Json.tree(r.value()))
                                .filter(d -> d.path("value").asText().contains("debit:cash-out-2"))
                                .findFirst().orElse(null));
                assertThat(refused.path("message").asText()).startsWith("balance ").contains("the debit of 1000000");

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Books.Totals books = Await.value("the books with every stack back", WAIT, () -> {
                    Books.Totals t = BooksCommand.check(bootstrap, Duration.ofSeconds(30));
                    return t.stacks() == 0 && t.debited() == 100 ? t : null;
                });
                BooksCommand.print(books, new PrintStream(out, true, StandardCharsets.UTF_8));
                assertThat(books.balanced()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
                assertThat(books.wallets()).isEqualTo(TABLES * BOTS);
                assertThat(books.tables()).isEqualTo(TABLES);
                assertThat(books.credited()).isEqualTo(TABLES * BOTS * CREDIT);
                assertThat(books.balances()).isEqualTo(TABLES * BOTS * CREDIT - 100);
                assertThat(books.reserved()).isZero();
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("The books balance.");

                assertThat(new BooksCommand().run(new String[] {"--bootstrap", bootstrap, "--wait", "30s"}))
                        .as("./scoreline books exits 0").isZero();
                JsonNode wallet = walletOf(gateway, rich);
                List<String> kinds = new ArrayList<>();
                wallet.path("movements").forEach(m -> kinds.add(m.path("kind").asText()));
                assertThat(kinds).as("the history of %s's chips", rich)
                        .contains("credit", "buy-in", "seated", "returned", "debit");
            }
        }
    }

    /** The bots play until every table has dealt three hands. */
    private static void play(EdgeGateway gateway, List<String> players) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        List<GatewayPlayer> bots = new ArrayList<>();
        try {
            for (int i = 0; i < players.size(); i++) {
                String player = players.get(i);
                String table = player.substring(0, player.lastIndexOf('-'));
                bots.add(GatewayPlayer.start(new GatewayPlayer.Settings(
                        URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), table, player,
                        Tokens.issue(GatewayConfig.DEV_SECRET, table, player, null), 1 + i % BOTS, 500,
                        Duration.ofMillis(20), 17L * i), http, timers, GatewayPlayer.Observer.NONE).get());
            }
            for (int t = 1; t <= TABLES; t++) {
                String channel = "table:eco-" + t;
                Await.value(channel + " dealt three hands", WAIT, () -> {
                    var response = new Gateway(gateway.port()).get("/v1/channels/" + channel + "?token="
                            + Tokens.issue(GatewayConfig.DEV_SECRET, channel.substring(6), null, null));
                    if (response.statusCode() != 200) {
                        return null;
                    }
                    JsonNode table = Json.tree(response.body());
                    return table.path("state").path("hands").asInt() >= 3 ? table : null;
                });
            }
        } finally {
            bots.forEach(GatewayPlayer::close);
            timers.shutdownNow();
        }
    }

    private static void leave(EdgeGateway gateway, String player) {
        String table = player.substring(0, player.lastIndexOf('-'));
        try (WsClient ws = WsClient.connect(gateway.port(), "", Map.of("Authorization",
                "Bearer " + Tokens.issue(GatewayConfig.DEV_SECRET, table, player, null)))) {
            ws.act("leave", "table:" + table, Json.object().put("type", "player.leave"));
            JsonNode verdict = ws.answer("leave", WAIT);
            assertThat(verdict.path("type").asText()).as("%s leaving: %s", player, verdict).isEqualTo("verdict");
        }
    }

    private static JsonNode walletOf(EdgeGateway gateway, String player) throws Exception {
        String token = Tokens.issue(GatewayConfig.DEV_SECRET, "eco-1", player, null);
        return Await.value("the wallet of " + player, WAIT, () -> {
            var response = new Gateway(gateway.port()).get("/v1/channels/player:" + player + "?token=" + token);
            return response.statusCode() == 200 ? Json.tree(response.body()).path("state") : null;
        });
    }
}
