package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.cluster.kafka.ReplicatedTopics;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.market.sim.GatewayBettor;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.table.sim.GatewayPlayer;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.testkit.WsClient;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.BetLedger;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.Credit;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Players acting through the gateways on the real cluster, dealt by the job, while a gateway or a
 * TaskManager dies by {@code kill -9}: every move is applied exactly once, answered once, and the
 * chips add up. Each scenario plays at a table of its own on the shared cluster; the figures go to
 * {@code target/cluster-figures.txt} with those of {@link ClusterFaultsIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPlayIT {

    private static final Duration SETTLE = Duration.ofMinutes(3);
    /** Six seats, boot 10; a turn of 10 s, so that a restore's pause may time a turn out, as it would for people. */
    private static final TableConfig CONFIG = new TableConfig(6, 10, 640, 3, 1_000, 10, 100L, 10_000L, true);
    /** What the test, as the game's backend, credits each of a table's players with when it opens the table. */
    private static final long CREDIT = 5_000;
    private static final Pattern SEAT_CHIPS = Pattern.compile("/seats/(\\d+)/chips");

    static Cluster cluster;
    static KafkaClients clients;
    static KafkaProducer<String, String> tables;

    @BeforeAll
    static void start() {
        cluster = SharedCluster.get();
        clients = new KafkaClients(cluster.bootstrapServers());
        tables = Kafka.producer(cluster.bootstrapServers(), new StringSerializer(), Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "cluster-test-tables",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (tables != null) {
            tables.close(Duration.ofSeconds(10));
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void aGatewayKilledBetweenProduceAndVerdictTheRetryAtTheOtherIsAppliedOnceAndAnsweredOnce() throws Exception {
        String table = "cp-gw";
        String player = "cp-gw-p1";
        String actionId = "sit-1";
        String eventId = Actions.eventId(player, actionId);
        openTable(table);
        awaitTable(table, v -> true);
        int portA = cluster.layout().member("gateway-1").port();
        int portB = cluster.layout().member("gateway-2").port();
        Map<String, String> auth = Map.of("Authorization",
                "Bearer " + Tokens.issue(cluster.gatewaySecret(), table, player, null));
        ObjectNode sit = Json.object().put("type", PlayerSit.TYPE).put("seat", 2).put("chips", 500);

        // The job cannot decide anything while no TaskManager runs: the act's verdict cannot come
        // before gateway A dies, whatever the timing.
        String job = cluster.jobId().orElseThrow();
        cluster.kill("taskmanager-1");
        cluster.kill("taskmanager-2");
        long stalledAt = System.currentTimeMillis();
        WsClient a = WsClient.connect(portA, "", auth);
        WsClient b = null;
        try {
            a.subscribe("table:" + table);
            a.act(actionId, "table:" + table, sit);
            List<ConsumerRecord<String, String>> produced = awaitWalletInput(player, eventId, 1);
            assertThat(a.answers(actionId)).as("an answer at gateway A before it died").isEmpty();
            cluster.kill("gateway-1");
            long killedAt = System.currentTimeMillis();
            assertThat(a.awaitClose(Duration.ofSeconds(10)).code()).as("gateway A's connection broke").isNotZero();

            b = WsClient.connect(portB, "", auth);
            b.subscribe("table:" + table);
            b.act(actionId, "table:" + table, sit);
            awaitWalletInput(player, eventId, 2);
            assertThat(b.answers(actionId)).as("a verdict while the job cannot run").isEmpty();

            cluster.start("taskmanager-1");
            cluster.start("taskmanager-2");
            JsonNode verdict = b.answer(actionId, SETTLE);
            long verdictAt = System.currentTimeMillis();
            assertThat(verdict.path("type").asText()).as("the answer %s", verdict).isEqualTo("verdict");
            assertThat(verdict.path("accepted").asBoolean()).as("the sit accepted: %s", verdict).isTrue();
            assertThat(verdict.path("channel").asText()).isEqualTo("table:" + table);

            // The job answers the retry too (both copies reached the job); gateway B hands it out once.
            List<JsonNode> decided = awaitVerdicts(eventId, 2);
            Thread.sleep(2_000);
            assertThat(b.answers(actionId)).as("verdicts for %s at gateway B", actionId).hasSize(1);
            assertThat(decided).as("the job's verdicts on the same event, all the same")
                    .allSatisfy(v -> {
                        assertThat(v.path("accepted").asBoolean()).isTrue();
                        assertThat(v.path("version").asLong()).isEqualTo(verdict.path("version").asLong());
                    });

            TableLog log = TableLog.read(table);
            assertThat(log.versionOf(eventId)).as("the version the verdict named")
                    .isEqualTo(verdict.path("version").asLong());
            assertThat(log.seatOf(player)).as("the player sits once, with the chips of the act").isEqualTo(2);
            awaitTable(table, v -> v.at("/seats/2/playerId").asText().equals(player));
            assertThat(cluster.flink().jobState(job)).isEqualTo("RUNNING");
            JsonNode wallet = awaitChannel("player:" + player, w -> w.path("atTables").asLong() == 500);
            assertThat(wallet.path("balance").asLong()).as("the buy-in taken from the wallet once")
                    .isEqualTo(CREDIT - 500);
            Books.Totals books = awaitBooks();
            Figures.record(String.format("gateway kill -9 between an act's produce and its verdict (job stalled by "
                            + "killing both TaskManagers): produced by the dead gateway %d time(s), again by the retry "
                            + "at the other; the event applied %d time(s) (change-log version %d), verdicts decided "
                            + "by the job %d, delivered to the client %d; verdict %d ms after the TaskManagers were "
                            + "killed, %d ms after the gateway; the buy-in taken from the wallet once; %s",
                    produced.size(), log.timesApplied(eventId), log.versionOf(eventId), decided.size(),
                    b.answers(actionId).size(), verdictAt - stalledAt, verdictAt - killedAt, booksLine(books)));
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
            startAgain("taskmanager-1", "taskmanager-2", "gateway-1");
        }
    }

    @Test
    @Order(2)
    void aTaskManagerKilledMidHandEveryMoveOnceTheHandEndsTheChipsAddUp() throws Exception {
        String table = "cp-tm";
        openTable(table);
        awaitTable(table, v -> true);
        long openedAt = System.currentTimeMillis();
        Bots bots = new Bots(table);
        ConcurrentLinkedQueue<Answer> answers = bots.answers;
        try {
            bots.start(7);
            String job = cluster.jobId().orElseThrow();
            JsonNode atKill = awaitTable(table, v -> v.path("hands").asInt() >= 2 && "playing".equals(
                    v.path("status").asText()) && v.at("/hand/actions").size() >= 1);
            awaitCheckpointAfter(job, openedAt);
            atKill = awaitTable(table, v -> "playing".equals(v.path("status").asText()));
            int interrupted = atKill.at("/hand/number").asInt();
            String victim = taskManagersOf(job).first();
            int failuresBefore = cluster.flink().exceptions(job).path("exceptionHistory").path("entries").size();
            long killedNanos = System.nanoTime();
            long killedAt = System.currentTimeMillis();
            cluster.kill(victim);

            Await.until("a restore after the kill", SETTLE, () -> cluster.flink().checkpoints(job).path("latest")
                    .path("restored").path("restore_timestamp").asLong() > killedAt);
            JsonNode restored = cluster.flink().checkpoints(job).path("latest").path("restored");
            assertThat(restored.path("is_savepoint").asBoolean()).as("restored from a checkpoint").isFalse();
            assertThat(cluster.flink().exceptions(job).path("exceptionHistory").path("entries").size())
                    .as("the failure the kill caused").isGreaterThan(failuresBefore);
            cluster.start(victim);

            JsonNode after = awaitTable(table, v -> v.path("hands").asInt() > interrupted
                    && answers.stream().anyMatch(x -> x.sentNanos > killedNanos && x.accepted()));
            long recovery = answers.stream().filter(x -> x.sentNanos > killedNanos)
                    .mapToLong(x -> x.atMillis - killedAt).min().orElseThrow();
            bots.stop();
            // Everyone leaves with their chips (packing a hand in play): the chips they take count
            // too, and the table falls quiet for the next test.
            bots.leave(bots.ports.get(1));
            awaitTable(table, v -> v.path("seats").isEmpty());
            Books.Totals books = awaitBooks();
            for (int i = 1; i <= 4; i++) {
                JsonNode wallet = awaitChannel("player:" + table + "-p" + i, w -> w.path("atTables").asLong() == 0);
                assertThat(wallet.path("reserved").asLong()).as("every reservation ended").isZero();
            }

            long lastVerdictVersion = answers.stream().filter(Answer::accepted)
                    .mapToLong(x -> x.verdict.path("version").asLong()).max().orElseThrow();
            ChannelView published = clients.channel("table:" + table);
            JsonNode finalView;
            long finalVersion;
            synchronized (published) {
                finalView = published.state().deepCopy();
                finalVersion = published.version();
            }
            TableLog log = TableLog.read(table, Math.max(lastVerdictVersion, finalVersion));
            assertThat(chipsInPlay(finalView)).as("chips at the table in its public view at version %d: %s",
                    finalVersion, finalView).isEqualTo(log.chipsAt(finalVersion));
            assertThat(log.completedHands).as("hands that ended, among them the one in play at the kill (%d); "
                    + "now at %s", interrupted, after.path("hands")).contains(interrupted);
            assertThat(log.handsDealt).as("a later hand dealt").anyMatch(h -> h > interrupted);
            int accepted = 0;
            int refused = 0;
            Set<String> answeredIds = new HashSet<>();
            Set<String> reasons = new TreeSet<>();
            for (Answer x : answers) {
                String eventId = Actions.eventId(x.player, x.verdict.path("id").asText());
                assertThat(answeredIds.add(eventId)).as("one verdict for %s at its bot", eventId).isTrue();
                if (x.accepted()) {
                    accepted++;
                    assertThat(log.timesApplied(eventId)).as("accepted %s in the change log", eventId).isEqualTo(1);
                    assertThat(log.versionOf(eventId)).as("the version the verdict of %s named", eventId)
                            .isEqualTo(x.verdict.path("version").asLong());
                } else {
                    refused++;
                    reasons.add(x.verdict.path("reason").asText());
                    assertThat(log.timesApplied(eventId)).as("refused %s in the change log", eventId).isZero();
                }
            }
            Map<String, Integer> movesByBot = new TreeMap<>();
            for (Answer x : answers) {
                if (x.accepted() && !Set.of(PlayerSit.TYPE, PlayerLeave.TYPE).contains(log.typeOf(Actions.eventId(
                        x.player, x.verdict.path("id").asText())))) {
                    movesByBot.merge(x.player, 1, Integer::sum);
                }
            }
            assertThat(movesByBot).as("bots that made a move beyond sitting down").hasSize(4);
            Figures.record(String.format("taskmanager kill -9 (%s) mid-hand at a dealt table of 4 bots over both "
                            + "gateways: first verdict of a move sent after the kill %d ms after it; hand %d (in play "
                            + "at the kill) ended, %d hands dealt; %d moves accepted (%s), %d refused %s; events applied "
                            + "twice 0 (change log %d versions, %d entries replayed identically); chips conserved at "
                            + "every version (buy-ins %d, taken away %d, at the table %d); %s",
                    victim, recovery, interrupted, log.handsDealt.size(), accepted, movesByBot, refused, reasons, log.versions(),
                    log.repeats, log.boughtIn, log.takenAway, log.boughtIn - log.takenAway, booksLine(books)));
        } finally {
            bots.close();
            startAgain("taskmanager-1", "taskmanager-2");
        }
    }

    /**
     * The job's clock across an outage: two players sit while no TaskManager runs, so that the
     * restored job replays their sits after the deal's deadline (ready + {@code Dealer.PAUSE}) has
     * passed on the wall clock. The table must still deal, and then time out the turn nobody takes.
     */
    @Test
    @Order(3)
    void aDeadlineThatPassedWhileTheJobWasDownStillComesAfterTheRestore() throws Exception {
        String table = "cp-clock";
        openTable(table);
        awaitTable(table, v -> true);
        int port = cluster.layout().member("gateway-2").port();
        cluster.kill("taskmanager-1");
        cluster.kill("taskmanager-2");
        List<WsClient> players = new ArrayList<>();
        try {
            for (int seat = 1; seat <= 2; seat++) {
                String player = table + "-p" + seat;
                WsClient ws = WsClient.connect(port, "", Map.of("Authorization",
                        "Bearer " + Tokens.issue(cluster.gatewaySecret(), table, player, null)));
                players.add(ws);
                ws.act("sit", "table:" + table, Json.object().put("type", PlayerSit.TYPE).put("seat", seat)
                        .put("chips", 500));
                awaitWalletInput(player, Actions.eventId(player, "sit"), 1);
            }
            Thread.sleep(5_000);
            startAgain("taskmanager-1", "taskmanager-2");
            for (WsClient ws : players) {
                assertThat(ws.answer("sit", SETTLE).path("accepted").asBoolean()).as("a sit accepted").isTrue();
            }
            long restoredAt = System.currentTimeMillis();
            JsonNode dealt = awaitTable(table, Duration.ofSeconds(30), v -> v.path("hands").asInt() >= 1);
            long dealtAfter = System.currentTimeMillis() - restoredAt;
            JsonNode timedOut = awaitTable(table, Duration.ofSeconds(30),
                    v -> v.at("/hand/actions").size() >= 1 || !"playing".equals(v.path("status").asText()));
            Figures.record(String.format("a deal whose deadline passed while the job was down (sits taken while no "
                    + "TaskManager ran): dealt %d ms after the sits' verdicts, hand %s; first time-out in the view: %s",
                    dealtAfter, dealt.at("/hand/number"), timedOut.at("/hand/lastAction")));
        } finally {
            players.forEach(WsClient::close);
            startAgain("taskmanager-1", "taskmanager-2");
        }
    }

    /**
     * A Kafka broker killed while bots play through both gateways: the leader of the partition of
     * {@code wallet-events} that a player's wallet is on, so that the buy-ins and the stacks coming
     * back cross the failover. Once everyone has left, every accepted move was applied once, the
     * table's chips add up at every version, and the books of the whole game balance.
     */
    @Test
    @Order(4)
    void aBrokerKilledDuringPlayEveryChipIsStillAccountedFor() throws Exception {
        String table = "cp-kb";
        openTable(table);
        awaitTable(table, v -> true);
        Bots bots = new Bots(table);
        ConcurrentLinkedQueue<Answer> answers = bots.answers;
        String victim = "kafka-" + KafkaClients.leaderOf(cluster.bootstrapServers(), Topic.WALLET_EVENTS.defaultName(),
                table + "-p1");
        try {
            bots.start(11);
            awaitTable(table, v -> v.path("hands").asInt() >= 1 && "playing".equals(v.path("status").asText()));
            int handAtKill = awaitTable(table, v -> true).path("hands").asInt();
            long killedNanos = System.nanoTime();
            long killedAt = System.currentTimeMillis();
            cluster.kill(victim);
            awaitTable(table, v -> v.path("hands").asInt() >= handAtKill + 2);
            long recovery = answers.stream().filter(x -> x.sentNanos > killedNanos && x.accepted())
                    .mapToLong(x -> x.atMillis - killedAt).min().orElseThrow();
            cluster.start(victim);
            ReplicatedTopics.create(cluster.bootstrapServers(), 4, Duration.ofMinutes(2));
            bots.stop();
            bots.leave(bots.ports.get(0));
            awaitTable(table, v -> v.path("seats").isEmpty());
            Books.Totals books = awaitBooks();
            long returned = 0;
            for (int i = 1; i <= 4; i++) {
                JsonNode wallet = awaitChannel("player:" + table + "-p" + i,
                        w -> w.path("atTables").asLong() == 0 && w.path("reserved").asLong() == 0);
                returned += wallet.path("balance").asLong();
            }
            assertThat(returned).as("the four players' chips, all back in their wallets").isEqualTo(4 * CREDIT);

            long lastVersion = answers.stream().filter(Answer::accepted)
                    .mapToLong(x -> x.verdict.path("version").asLong()).max().orElseThrow();
            TableLog log = TableLog.read(table, lastVersion);
            int accepted = 0;
            for (Answer x : answers) {
                String eventId = Actions.eventId(x.player, x.verdict.path("id").asText());
                if (x.accepted() && x.verdict.path("channel").asText().equals("table:" + table)
                        && log.versionOfEvent.containsKey(eventId)) {
                    accepted++;
                    assertThat(log.timesApplied(eventId)).as("accepted %s in the change log", eventId).isEqualTo(1);
                    assertThat(log.versionOf(eventId)).isEqualTo(x.verdict.path("version").asLong());
                }
            }
            assertThat(accepted).as("moves accepted around the kill").isGreaterThan(4);
            Figures.record(String.format("kafka broker kill -9 (%s, leader of a player's wallet partition) while 4 bots "
                            + "play through both gateways: first accepted move sent after the kill answered %d ms after "
                            + "it; %d hands, %d accepted moves each applied once; the four wallets got back every chip "
                            + "(%d); %s",
                    victim, recovery, log.handsDealt.size(), accepted, returned, booksLine(books)));
        } finally {
            bots.close();
            startAgain(victim);
        }
    }

    /**
     * In-play betting through the whole cluster: a recorded match fed live while six bettors bet on
     * it over both gateways, and meanwhile a TaskManager, the broker that leads a bettor's wallet
     * partition and a gateway die by {@code kill -9}, one after another. Once the match has ended,
     * every bet the match took is settled once and only once (the wallets' own change log), every
     * accepted verdict names a bet the match's change log holds once, and the books balance with
     * every stake paid out or returned.
     */
    @Test
    @Order(5)
    void betsFlowWhileATaskManagerABrokerAndAGatewayAreKilledAndEveryBetIsSettledOnce() throws Exception {
        String match = "cp-bet";
        // a whole T20, about two minutes at this pace: live through all three kills
        List<MatchEvent> events = CricsheetRecords.events("1082591", match);
        List<String> bettors = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String player = match + "-b" + i;
            bettors.add(player);
            Kafka.sendAndWait(tables, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                    Json.string(new Credit("credit:" + player, player, Instant.now(), CREDIT, "purchase"))));
        }
        String job = cluster.jobId().orElseThrow();
        List<Integer> ports = List.of(cluster.layout().member("gateway-1").port(),
                cluster.layout().member("gateway-2").port());
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        List<GatewayBettor> betting = new ArrayList<>();
        java.util.function.BiConsumer<Integer, Integer> bet = (from, port) -> {
            for (int i = from; i < from + 3; i++) {
                String player = bettors.get(i);
                // a bettor started again is another client: its own seed names its bets afresh
                long seed = 41L * i + 1_000L * betting.size();
                betting.add(GatewayBettor.start(new GatewayBettor.Settings(URI.create("ws://127.0.0.1:" + port + "/ws"),
                        match, player, Tokens.issuePlayer(cluster.gatewaySecret(), player, null), 10, 100,
                        Duration.ofMillis(150), 2, seed), http, timers, (verdict, sentNanos) -> answers.add(
                        new Answer(player, verdict, sentNanos, System.nanoTime(), System.currentTimeMillis()))).join());
            }
        };
        String broker = "kafka-" + KafkaClients.leaderOf(cluster.bootstrapServers(), Topic.WALLET_EVENTS.defaultName(),
                bettors.get(0));
        List<String> figures = new ArrayList<>();
        java.util.concurrent.CompletableFuture<Void> feed = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (MatchEvent e : events) {
                // stamped as a live feed stamps its balls: the bet delay compares this time with the bets'
                ObjectNode live = (ObjectNode) Json.tree(e);
                live.put("eventTime", Instant.now().toString());
                Kafka.sendAndWait(tables, new ProducerRecord<>(Topic.MATCH_EVENTS.defaultName(), match, Json.string(live)));
                sleep(400);
            }
        });
        try {
            bet.accept(0, ports.get(0));
            bet.accept(3, ports.get(1));
            Await.until("bets taken before the first kill", SETTLE, () -> answers.stream().filter(Answer::accepted).count() >= 6);

            String taskManager = taskManagersOf(job).first();
            long tmKilledAt = System.currentTimeMillis();
            long killedAt = tmKilledAt;
            long killedNanos = System.nanoTime();
            cluster.kill(taskManager);
            Await.until("a restore after the kill", SETTLE, () -> cluster.flink().checkpoints(job).path("latest")
                    .path("restored").path("restore_timestamp").asLong() > tmKilledAt);
            cluster.start(taskManager);
            figures.add("taskmanager kill -9: first accepted bet sent after it answered "
                    + firstAcceptedAfter(answers, killedNanos, killedAt) + " ms after the kill");

            killedAt = System.currentTimeMillis();
            killedNanos = System.nanoTime();
            cluster.kill(broker);
            figures.add("broker kill -9 (" + broker + "): first accepted bet sent after it answered "
                    + firstAcceptedAfter(answers, killedNanos, killedAt) + " ms after the kill");
            cluster.start(broker);
            ReplicatedTopics.create(cluster.bootstrapServers(), 4, Duration.ofMinutes(2));

            killedAt = System.currentTimeMillis();
            killedNanos = System.nanoTime();
            cluster.kill("gateway-2");
            bet.accept(3, ports.get(0));
            figures.add("gateway-2 kill -9, its three bettors moved to gateway-1: first accepted bet sent after it "
                    + "answered " + firstAcceptedAfter(answers, killedNanos, killedAt) + " ms after the kill");
            cluster.start("gateway-2");
            feed.get(SETTLE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } finally {
            betting.forEach(GatewayBettor::close);
            timers.shutdownNow();
            feed.cancel(true);
            startAgain("taskmanager-1", "taskmanager-2", broker, "gateway-2");
        }

        Books.Totals books = Await.value(() -> "every market of " + match + " decided, the books balanced", SETTLE, () -> {
            Books.Totals t = awaitBooks();
            return t.staked() == 0 ? t : null;
        });
        long inWallets = 0;
        for (String player : bettors) {
            JsonNode wallet = awaitChannel("player:" + player, w -> w.path("bets").isEmpty() && w.path("reserved").asLong() == 0);
            inWallets += wallet.path("balance").asLong();
        }
        JsonNode markets = awaitChannel("match:" + match + "/markets", m -> m.path("held").asLong() == 0);
        assertThat(inWallets + markets.path("house").asLong()).as("the bettors' chips and the house's cut")
                .isEqualTo(bettors.size() * CREDIT);

        List<ChangeLogEntry> changeLog = TopicReader.readAll(cluster.bootstrapServers(),
                Topic.STATE_CHANGELOG.defaultName()).stream().map(r -> Json.read(r.value(), ChangeLogEntry.class)).toList();
        BetLedger ledger = BetLedger.of(changeLog, bettors::contains);
        Map<String, Set<Long>> matchVersions = new HashMap<>();
        for (ChangeLogEntry e : changeLog) {
            if (e.kind().equals("match") && e.entityId().equals(match) && e.eventType().equals("bet.place")) {
                matchVersions.computeIfAbsent(e.eventId(), k -> new HashSet<>()).add(e.version());
            }
        }
        Set<String> taken = ledger.taken();
        assertThat(taken).as("bets the match took").isNotEmpty();
        for (String betId : taken) {
            assertThat(ledger.standing(betId)).as("settlements standing of %s", betId).isEqualTo(1);
        }
        int accepted = 0;
        Set<String> answered = new HashSet<>();
        for (Answer x : answers) {
            String betId = Actions.eventId(x.player, x.verdict.path("id").asText());
            assertThat(answered.add(betId)).as("one verdict for %s at its bettor", betId).isTrue();
            if (x.accepted()) {
                accepted++;
                assertThat(matchVersions.get(betId)).as("the versions at which the match applied %s", betId)
                        .containsExactly(x.verdict.path("version").asLong());
                assertThat(taken).as("the wallet heard the match take %s", betId).contains(betId);
            }
        }
        Figures.record(String.format("in-play betting, 6 bettors over both gateways on a match fed live (%d events) "
                        + "through a taskmanager, a broker and a gateway kill: %d bets answered, %d accepted, each applied "
                        + "once; %d bets taken, each settled once; %s; the bettors hold %d and the house %d of %d; %s",
                events.size(), answers.size(), accepted, taken.size(), String.join("; ", figures), inWallets,
                markets.path("house").asLong(), bettors.size() * CREDIT, booksLine(books)));
    }

    private static long firstAcceptedAfter(ConcurrentLinkedQueue<Answer> answers, long killedNanos, long killedAt) {
        return Await.value(() -> "an accepted bet sent after the kill", SETTLE, () -> answers.stream()
                .filter(x -> x.sentNanos > killedNanos && x.accepted()).map(x -> x.atMillis - killedAt)
                .min(Long::compare).orElse(null));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Four bots at seats 1 to 4 of a table, on the two gateways in turn, and every verdict they
     * (and their leaving) got.
     */
    private static final class Bots implements AutoCloseable {
        final String table;
        final List<Integer> ports = List.of(cluster.layout().member("gateway-1").port(),
                cluster.layout().member("gateway-2").port());
        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final HttpClient http = HttpClient.newHttpClient();
        private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "play-bots");
            t.setDaemon(true);
            return t;
        });
        private final List<GatewayPlayer> playing = new ArrayList<>();

        Bots(String table) {
            this.table = table;
        }

        void start(long seed) throws Exception {
            for (int i = 1; i <= 4; i++) {
                String player = table + "-p" + i;
                URI gateway = URI.create("ws://127.0.0.1:" + ports.get(i % 2) + "/ws");
                GatewayPlayer.Settings settings = new GatewayPlayer.Settings(gateway, table, player,
                        Tokens.issue(cluster.gatewaySecret(), table, player, null), i, 500, Duration.ofMillis(100),
                        seed * i);
                playing.add(GatewayPlayer.start(settings, http, timers, (verdict, sentNanos) -> answers.add(
                        new Answer(player, verdict, sentNanos, System.nanoTime(), System.currentTimeMillis())))
                        .get());
            }
        }

        void stop() {
            playing.forEach(GatewayPlayer::close);
            playing.clear();
        }

        /** Every bot leaves through the gateway on {@code port}, each answered by a verdict. */
        void leave(int port) {
            for (int i = 1; i <= 4; i++) {
                String player = table + "-p" + i;
                try (WsClient ws = WsClient.connect(port, "", Map.of("Authorization",
                        "Bearer " + Tokens.issue(cluster.gatewaySecret(), table, player, null)))) {
                    ws.act("leave", "table:" + table, Json.object().put("type", PlayerLeave.TYPE));
                    JsonNode verdict = ws.answer("leave", SETTLE);
                    assertThat(verdict.path("type").asText()).as("the answer to %s leaving: %s", player, verdict)
                            .isEqualTo("verdict");
                    answers.add(new Answer(player, verdict, System.nanoTime(), System.nanoTime(),
                            System.currentTimeMillis()));
                }
            }
        }

        @Override
        public void close() {
            stop();
            timers.shutdownNow();
        }
    }

    /** Whatever a test killed runs again when it ends, passed or not: the next test needs the whole cluster. */
    private static void startAgain(String... members) {
        for (String m : members) {
            cluster.start(m);
        }
    }

    /** A verdict as a bot got it. */
    private record Answer(String player, JsonNode verdict, long sentNanos, long atNanos, long atMillis) {
        boolean accepted() {
            return verdict.path("accepted").asBoolean();
        }
    }

    /**
     * A table's change log as read from {@code state-changelog}, checked as it is read: one epoch,
     * versions from 1 without a gap, a version logged again only identically (a replay after a
     * restore), no event at two versions, and at every version the chips at the seats plus the pot
     * of the hand in play equal the buy-ins less what leaving players took with them.
     */
    private static final class TableLog {
        final Map<Long, ChangeLogEntry> byVersion = new TreeMap<>();
        final Map<String, Long> versionOfEvent = new HashMap<>();
        final Map<String, Integer> applied = new HashMap<>();
        final Set<Integer> handsDealt = new TreeSet<>();
        final Set<Integer> completedHands = new TreeSet<>();
        final Map<String, Integer> seats = new HashMap<>();
        /** Buy-ins less what leaving players took, after each version. */
        final Map<Long, Long> chipsAfter = new HashMap<>();
        int repeats;
        long boughtIn;
        long takenAway;

        static TableLog read(String table) {
            return read(table, 0);
        }

        /** Reads until the log holds {@code atLeast} versions. */
        static TableLog read(String table, long atLeast) {
            return Await.value("the change log of " + table + " up to version " + atLeast, SETTLE, () -> {
                TableLog log = new TableLog(table);
                return log.versions() >= atLeast ? log : null;
            });
        }

        private TableLog(String table) {
            Map<Long, JsonNode> trees = new HashMap<>();
            for (ConsumerRecord<String, String> r : TopicReader.readAll(cluster.bootstrapServers(),
                    Topic.STATE_CHANGELOG.defaultName())) {
                ChangeLogEntry e = Json.read(r.value(), ChangeLogEntry.class);
                if (!"table".equals(e.kind()) || !table.equals(e.entityId())) {
                    continue;
                }
                JsonNode tree = Json.tree(e);
                JsonNode seen = trees.putIfAbsent(e.version(), tree);
                if (seen != null) {
                    repeats++;
                    assertThat(tree).as("version %d of %s logged again identically", e.version(), table)
                            .isEqualTo(seen);
                } else {
                    byVersion.put(e.version(), e);
                }
            }
            assertThat(byVersion.keySet()).as("versions of %s in the change log", table)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, byVersion.size())
                            .boxed().toList());
            assertThat(byVersion.values().stream().map(ChangeLogEntry::epoch).distinct().toList())
                    .as("epochs of %s (one: the state was restored, never rebuilt)", table).hasSizeLessThan(2);
            Map<String, JsonNode> view = new HashMap<>();
            for (ChangeLogEntry e : byVersion.values()) {
                applied.merge(e.eventId(), 1, Integer::sum);
                Long before = versionOfEvent.putIfAbsent(e.eventId(), e.version());
                assertThat(before).as("%s applied at version %d and again at %d", e.eventId(), before, e.version())
                        .isNull();
                if (PlayerSit.TYPE.equals(e.eventType())) {
                    boughtIn += e.event().path("chips").asLong();
                    seats.put(e.event().path("playerId").asText(), e.event().path("seat").asInt());
                } else if (PlayerLeave.TYPE.equals(e.eventType())) {
                    String who = e.event().path("playerId").asText();
                    takenAway += chipsOf(view, who);
                }
                for (ChangeLogEntry.FieldChange c : e.changes()) {
                    if (c.after() == null || c.after().isNull()) {
                        view.remove(c.path());
                    } else {
                        view.put(c.path(), c.after());
                    }
                }
                chipsAfter.put(e.version(), boughtIn - takenAway);
                boolean playing = "playing".equals(text(view, "/status"));
                if (view.containsKey("/hand/number")) {
                    int hand = view.get("/hand/number").asInt();
                    handsDealt.add(hand);
                    if (view.containsKey("/hand/result/how")) {
                        completedHands.add(hand);
                    }
                }
                long atTable = 0;
                for (Map.Entry<String, JsonNode> leaf : view.entrySet()) {
                    if (SEAT_CHIPS.matcher(leaf.getKey()).matches()) {
                        atTable += leaf.getValue().asLong();
                    }
                }
                if (playing) {
                    atTable += view.get("/hand/pot").asLong();
                }
                assertThat(atTable).as("chips at %s version %d (%s %s): seats plus the pot in play against "
                                + "buy-ins %d less %d taken away", table, e.version(), e.eventType(), e.eventId(),
                        boughtIn, takenAway)
                        .isEqualTo(boughtIn - takenAway);
            }
        }

        private static long chipsOf(Map<String, JsonNode> view, String player) {
            for (Map.Entry<String, JsonNode> leaf : view.entrySet()) {
                Matcher m = Pattern.compile("/seats/(\\d+)/playerId").matcher(leaf.getKey());
                if (m.matches() && player.equals(leaf.getValue().asText())) {
                    return view.get("/seats/" + m.group(1) + "/chips").asLong();
                }
            }
            throw new AssertionError(player + " left without a seat");
        }

        private static String text(Map<String, JsonNode> view, String path) {
            JsonNode v = view.get(path);
            return v == null ? null : v.asText();
        }

        long chipsAt(long version) {
            assertThat(chipsAfter).as("version %d in the change log", version).containsKey(version);
            return chipsAfter.get(version);
        }

        long versions() {
            return byVersion.size();
        }

        int timesApplied(String eventId) {
            return applied.getOrDefault(eventId, 0);
        }

        long versionOf(String eventId) {
            Long v = versionOfEvent.get(eventId);
            assertThat(v).as("%s in the change log", eventId).isNotNull();
            return v;
        }

        String typeOf(String eventId) {
            return byVersion.get(versionOf(eventId)).eventType();
        }

        int seatOf(String player) {
            return seats.getOrDefault(player, 0);
        }
    }

    /** The chips at the table in its public view: at the seats, and in the pot of a hand in play. */
    private static long chipsInPlay(JsonNode view) {
        long chips = 0;
        for (JsonNode seat : view.path("seats")) {
            chips += seat.path("chips").asLong();
        }
        return chips + ("playing".equals(view.path("status").asText()) ? view.at("/hand/pot").asLong() : 0);
    }

    /** Opens the table, as its table service would, and credits its players' wallets, as the game's backend would. */
    private static void openTable(String table) {
        Kafka.sendAndWait(tables, new ProducerRecord<>(Topic.TABLE_EVENTS.defaultName(), table,
                Json.string(new TableOpen(table + ":open", table, Instant.now(), CONFIG))));
        for (int i = 1; i <= 6; i++) {
            String player = table + "-p" + i;
            Kafka.sendAndWait(tables, new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                    Json.string(new Credit("credit:" + table, player, Instant.now(), CREDIT, "bonus"))));
        }
    }

    /**
     * The game's books, read as {@code ./scoreline books} reads them, once they balance: every
     * wallet and table of the whole cluster (every test's), whatever was killed before.
     */
    static Books.Totals awaitBooks() {
        return Await.value(() -> "the books balance", SETTLE, () -> {
            Books books = new Books();
            for (Topic topic : List.of(Topic.STATE_SNAPSHOTS, Topic.PRIVATE_SNAPSHOTS)) {
                TopicReader.readAll(cluster.bootstrapServers(), topic.defaultName())
                        .forEach(r -> books.snapshot(Json.read(r.value(), Snapshot.class)));
            }
            for (Topic topic : List.of(Topic.STATE_DELTAS, Topic.PRIVATE_DELTAS)) {
                TopicReader.readAll(cluster.bootstrapServers(), topic.defaultName())
                        .forEach(r -> books.delta(Json.read(r.value(), Delta.class)));
            }
            Books.Totals totals = books.totals();
            return totals.balanced() && totals.reserved() == 0 ? totals : null;
        });
    }

    static String booksLine(Books.Totals t) {
        return String.format("the books balance: %d wallets, %d tables and %d matches hold %d chips (balances %d, "
                + "stacks %d, pots %d, stakes %d, house %d) = credited %d - debited %d", t.wallets(), t.tables(),
                t.matches(), t.held(), t.balances(), t.stacks(), t.pots(), t.staked(), t.house(), t.credited(),
                t.debited());
    }

    private static JsonNode awaitChannel(String channel, java.util.function.Predicate<JsonNode> condition) {
        ChannelView view = clients.channel(channel);
        return Await.value(() -> "the view of " + channel + ": " + view, SETTLE, () -> {
            JsonNode state = view.state();
            return state != null && condition.test(state) ? state : null;
        });
    }

    /** The records of {@code wallet-events} of {@code player} that carry {@code eventId}, once there are {@code count}. */
    private static List<ConsumerRecord<String, String>> awaitWalletInput(String player, String eventId, int count) {
        return Await.value("record " + count + " of " + eventId + " in wallet-events", Duration.ofSeconds(30), () -> {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            for (ConsumerRecord<String, String> r : TopicReader.readAll(cluster.bootstrapServers(),
                    Topic.WALLET_EVENTS.defaultName())) {
                if (player.equals(r.key()) && eventId.equals(Json.tree(r.value()).path("eventId").asText())) {
                    found.add(r);
                }
            }
            return found.size() >= count ? found : null;
        });
    }

    /** The table's public view, as the job last published it, once it satisfies {@code condition}. */
    private static JsonNode awaitTable(String table, java.util.function.Predicate<JsonNode> condition) {
        return awaitTable(table, SETTLE, condition);
    }

    private static JsonNode awaitTable(String table, Duration timeout, java.util.function.Predicate<JsonNode> condition) {
        ChannelView view = clients.channel("table:" + table);
        return Await.value(() -> "the view of table " + table + ": " + view, timeout, () -> {
            JsonNode state = view.state();
            return state != null && condition.test(state) ? state : null;
        });
    }

    /** The job's verdicts on {@code eventId} from the {@code verdicts} topic, once there are {@code count}. */
    private static List<JsonNode> awaitVerdicts(String eventId, int count) {
        return Await.value("verdict " + count + " on " + eventId, SETTLE, () -> {
            List<JsonNode> found = new ArrayList<>();
            for (ConsumerRecord<String, String> r : TopicReader.readAll(cluster.bootstrapServers(),
                    Topic.VERDICTS.defaultName())) {
                JsonNode v = Json.tree(r.value());
                if (eventId.equals(v.path("eventId").asText())) {
                    found.add(v);
                }
            }
            return found.size() >= count ? found : null;
        });
    }

    private static void awaitCheckpointAfter(String job, long millis) {
        Await.until("a checkpoint completed after " + millis, Duration.ofMinutes(1), () -> cluster.flink().checkpoints(job)
                .path("latest").path("completed").path("latest_ack_timestamp").asLong() > millis);
    }

    /** The TaskManagers that run tasks of the job, by resource id. */
    private static TreeSet<String> taskManagersOf(String job) {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode v : cluster.flink().job(job).path("vertices")) {
            cluster.flink().get("jobs/" + job + "/vertices/" + v.path("id").asText() + "/taskmanagers")
                    .path("taskmanagers").forEach(tm -> ids.add(tm.path("taskmanager-id").asText()));
        }
        assertThat(ids).as("TaskManagers running the job").isNotEmpty();
        return ids;
    }
}
