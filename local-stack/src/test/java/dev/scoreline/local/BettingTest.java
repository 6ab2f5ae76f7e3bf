package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.entity.Message;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.job.EventDecoder;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.market.BettingTerms;
import dev.scoreline.market.sim.GatewayBettor;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.BetSettled;
import dev.scoreline.wallet.event.BetUnsettled;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.WalletEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-play betting on the real parts in one JVM: a Kafka broker, the job on a Flink MiniCluster and
 * a gateway. A recorded match is replayed while simulated bettors bet through the gateway; once it
 * ends every bet taken is settled, the pools are paid out to the chip and the books balance. The
 * match's own log (balls and bets, as Kafka holds it) folded again from scratch gives the same
 * settlements, chip for chip.
 */
class BettingTest {

    private static final int BETTORS = 4;
    private static final long CREDIT = 10_000;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final BettingTerms TERMS = new BettingTerms(5, Duration.ofMillis(100), 1_000_000);

    @TempDir
    Path dir;

    @Test
    void bettorsBetThroughTheGatewayWhileAMatchReplaysAndEveryBetIsSettledOnceAsTheLogDecides() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start(dir.resolve("kafka"))) {
            for (Topic t : Topic.values()) {
                kafka.createTopic(t.defaultName(), 2, t.config());
            }
            String bootstrap = kafka.bootstrapServers();
            try (LocalJob job = LocalJob.start(JobOptions.parse("--bootstrap", bootstrap, "--entities", "match",
                            "--starting-offsets", "earliest", "--parallelism", "2", "--checkpoint-interval", "2s",
                            "--bet-house-cut", "5", "--bet-delay", "100ms"), dir.resolve("job"), false);
                    EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder(bootstrap).bindAddress("127.0.0.1")
                            .port(0).devMode(true).build()).start();
                    KafkaProducer<String, String> backend = Kafka.producer(bootstrap)) {
                job.awaitRunning(WAIT);
                assertThat(gateway.awaitReady(WAIT)).isTrue();
                assertThat(gateway.awaitMovesReady(WAIT)).isTrue();
                List<String> players = new ArrayList<>();
                for (int i = 1; i <= BETTORS; i++) {
                    String player = "bettor-" + i;
                    players.add(player);
                    Kafka.sendAndWait(backend, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                            Json.string(new Credit("credit:start", player, Instant.now(), CREDIT, "purchase"))));
                }

                int verdicts = replayWhileBetting(gateway, backend, players);
                assertThat(verdicts).as("bets answered").isGreaterThan(20);

                Books.Totals books = Await.value("every market decided and the books balanced", WAIT, () -> {
                    Books.Totals t = BooksCommand.check(bootstrap, Duration.ofSeconds(10));
                    return t.balanced() && t.staked() == 0 && t.reserved() == 0 && t.matches() == 1 ? t : null;
                });
                assertThat(books.issued()).isEqualTo(BETTORS * CREDIT);
                assertThat(books.balances() + books.house()).isEqualTo(BETTORS * CREDIT);
                assertThat(books.negative()).isEmpty();

                List<WalletEvent> toWallets = TopicReader.readAll(bootstrap, Topic.WALLET_EVENTS.defaultName()).stream()
                        .map(r -> Json.read(r.value(), WalletEvent.class)).toList();
                Set<String> taken = new HashSet<>();
                Map<String, Long> paid = new TreeMap<>();
                for (WalletEvent e : toWallets) {
                    if (e instanceof dev.scoreline.wallet.event.BetTaken t) {
                        taken.add(t.bet());
                    } else if (e instanceof BetSettled s) {
                        assertThat(paid.put(s.eventId(), s.payout())).as("%s written once", s.eventId()).isNull();
                    }
                }
                assertThat(taken).as("bets the match took").isNotEmpty();
                assertThat(toWallets).noneMatch(BetUnsettled.class::isInstance);
                Set<String> settledBets = new HashSet<>();
                paid.keySet().forEach(id -> settledBets.add(id.substring(0, id.indexOf(":settled:"))));
                assertThat(settledBets).as("every bet taken is settled").isEqualTo(taken);
                assertThat(paid.values().stream().mapToLong(Long::longValue).sum())
                        .as("the payouts and the house's take are the stakes")
                        .isEqualTo(toWallets.stream().filter(dev.scoreline.wallet.event.BetTaken.class::isInstance)
                                .mapToLong(e -> ((dev.scoreline.wallet.event.BetTaken) e).stake()).sum() - books.house());

                Map<String, Long> again = foldedAgain(TopicReader.readAll(bootstrap, Topic.MATCH_EVENTS.defaultName()));
                Map<String, String> differ = new TreeMap<>();
                for (String id : new TreeSet<>(union(again.keySet(), paid.keySet()))) {
                    if (!java.util.Objects.equals(again.get(id), paid.get(id))) {
                        differ.put(id, paid.get(id) + " by the job, " + again.get(id) + " folded again");
                    }
                }
                assertThat(differ).as("the match's log folded again from scratch settles every bet the same").isEmpty();
                assertThat(again).isEqualTo(paid);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Replays the short match at 150 times its pace while the bettors bet; the verdicts they had. */
    private static int replayWhileBetting(EdgeGateway gateway, KafkaProducer<String, String> backend,
            List<String> players) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger verdicts = new AtomicInteger();
        List<GatewayBettor> bettors = new ArrayList<>();
        try {
            for (int i = 0; i < players.size(); i++) {
                bettors.add(GatewayBettor.start(new GatewayBettor.Settings(
                        URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), ShortMatch.ID, players.get(i),
                        Tokens.issuePlayer(GatewayConfig.DEV_SECRET, players.get(i), null), 10, 200,
                        Duration.ofMillis(10), 1, 31L * i), http, timers,
                        (verdict, sentNanos) -> verdicts.incrementAndGet()).get());
            }
            MatchReplay replay = new MatchReplay(DemoCommand.load(ShortMatch.folder(Path.of(System.getProperty(
                    "java.io.tmpdir")).resolve("betting-test-" + ProcessHandle.current().pid()))));
            replay.run(backend, Topic.MATCH_EVENTS.defaultName(), 150, sent -> { }, () -> false);
        } finally {
            bettors.forEach(GatewayBettor::close);
            timers.shutdownNow();
        }
        return verdicts.get();
    }

    /**
     * Folds the match's partition of {@code match-events} (balls and bets, in Kafka's order, each
     * record decoded as the job decodes it) with the scorer, as the job does (an event id again is a
     * copy), and lists the payouts its settlements send the wallets.
     */
    private static Map<String, Long> foldedAgain(List<ConsumerRecord<String, String>> log) {
        Scorer scorer = new Scorer(TERMS);
        List<MatchEvent> history = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Long> paid = new TreeMap<>();
        MatchState state = null;
        long version = 0;
        EventDecoder<MatchEvent> decoder = new EventDecoder<>(MatchEvent.class, "match-event", 64 * 1024);
        for (ConsumerRecord<String, String> r : log) {
            if (!r.key().equals(ShortMatch.ID)) {
                continue;
            }
            // as the job reads it: a bet takes the time the match's log got it
            MatchEvent e = decoder.decode(r.topic(), r.partition(), r.offset(), r.timestamp(),
                    r.key().getBytes(StandardCharsets.UTF_8), r.value().getBytes(StandardCharsets.UTF_8)).event().event();
            if (!seen.add(e.eventId())) {
                continue;
            }
            Decision<MatchState> d = scorer.apply(state, e, () -> history);
            if (d instanceof Decision.Accepted<MatchState> accepted) {
                for (Message m : scorer.messages(e, state, accepted.state(), ++version)) {
                    if (m.event() instanceof BetSettled s) {
                        paid.put(s.eventId(), s.payout());
                    }
                }
                state = accepted.state();
                if (scorer.keepsInHistory(e)) {
                    history.add(e);
                }
            }
        }
        return paid;
    }
}
