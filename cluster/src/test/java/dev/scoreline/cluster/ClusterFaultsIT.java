package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.cluster.flink.FlinkRest;
import dev.scoreline.cluster.kafka.ReplicatedTopics;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.Feeds;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job on the real cluster (three brokers, a JobManager, two TaskManagers and two gateways,
 * separate processes), with parts of it killed by {@code kill -9} or abused while recorded matches
 * replay. Each scenario uses matches of its own, so one cluster serves them all in order. The
 * figures (recovery times, lost and doubly applied changes) go to {@code target/cluster-figures.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    private static final Duration SETTLE = Duration.ofMinutes(3);
    /** A replay paced so that a kill at 40 % lands mid-match with checkpoints before and after it. */
    private static final Duration PACE = Duration.ofMillis(25);

    static Cluster cluster;
    static KafkaClients clients;
    static Feed feed;

    @BeforeAll
    static void start() {
        cluster = SharedCluster.get();
        clients = new KafkaClients(cluster.bootstrapServers());
        feed = new Feed(cluster.bootstrapServers());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (feed != null) {
            feed.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void aTaskManagerKilledMidReplayRecoversFromItsCheckpointLosingNothing() throws Exception {
        Map<String, List<MatchEvent>> matches = Map.of(
                "tm-a", CricsheetRecords.events("1181768", "tm-a"), "tm-b", CricsheetRecords.events("1136564", "tm-b"));
        String job = cluster.jobId().orElseThrow();
        int failuresBefore = exceptionCount(job);
        List<MatchEvent> events = Feeds.interleave(List.copyOf(matches.values()));

        long replayStarted = System.currentTimeMillis();
        Feed.Replay replay = feed.replay(events, PACE);
        replay.awaitSent(events.size() * 2 / 5, Duration.ofMinutes(2));
        awaitCheckpointAfter(job, replayStarted);
        // A TaskManager that runs the matches: after an earlier restart the job may run on one alone.
        String victim = taskManagersOf(job).stream().sorted().findFirst().orElseThrow();
        long killedAt = System.currentTimeMillis();
        cluster.kill(victim);
        replay.done.join();

        settle(matches);
        long recovery = recoveryMillis(matches, events, replay, killedAt);
        assertThat(exceptionCount(job)).as("the failure the kill caused").isGreaterThan(failuresBefore);
        JsonNode restored = cluster.flink().checkpoints(job).path("latest").path("restored");
        assertThat(restored.path("restore_timestamp").asLong()).as("restored after the kill: %s", restored)
                .isGreaterThan(killedAt);
        assertThat(restored.path("is_savepoint").asBoolean()).as("restored from a checkpoint").isFalse();
        int repeats = assertExactAndCount(matches);

        Figures.record(String.format("taskmanager kill -9: recovery to the next new delta at a client %d ms; "
                        + "lost changes %d; changes applied twice %d; deltas redelivered and ignored %d; "
                        + "versions carried again by overlapping deltas %d; change-log entries replayed identically %d",
                recovery, lost(matches), appliedTwice(matches), stale(matches), overlapping(matches), repeats));
        cluster.start(victim);
    }

    @Test
    @Order(2)
    void aKafkaBrokerKilledMidReplayLosesNothing() throws Exception {
        Map<String, List<MatchEvent>> matches = Map.of(
                "kb-a", CricsheetRecords.events("1082591", "kb-a"), "kb-b", CricsheetRecords.events("1082625", "kb-b"));
        List<MatchEvent> events = Feeds.interleave(List.copyOf(matches.values()));
        String victim = "kafka-" + KafkaClients.leaderOf(cluster.bootstrapServers(), Topic.MATCH_EVENTS.defaultName(), "kb-a");

        Feed.Replay replay = feed.replay(events, PACE);
        replay.awaitSent(events.size() * 2 / 5, Duration.ofMinutes(2));
        long killedAt = System.currentTimeMillis();
        cluster.kill(victim);
        replay.done.join();

        settle(matches);
        long recovery = recoveryMillis(matches, events, replay, killedAt);
        int repeats = assertExactAndCount(matches);
        Figures.record(String.format("kafka broker kill -9 (%s, leader of the match's partition): recovery to the next "
                        + "new delta at a client %d ms; lost changes %d; changes applied twice %d; deltas redelivered "
                        + "and ignored %d; versions carried again by overlapping deltas %d; change-log entries replayed "
                        + "identically %d",
                victim, recovery, lost(matches), appliedTwice(matches), stale(matches), overlapping(matches), repeats));

        cluster.start(victim);
        ReplicatedTopics.create(cluster.bootstrapServers(), 4, Duration.ofMinutes(2));
    }

    @Test
    @Order(3)
    void aSavepointRestoresAtAnotherParallelismAndAfterAnUpgrade() throws Exception {
        List<MatchEvent> events = CricsheetRecords.events("1178424", "sp-a");
        ChannelView client = clients.channel("match:sp-a");
        FlinkRest flink = cluster.flink();
        int third = events.size() / 3;

        sendAndSettle(events.subList(0, third), client);
        String epoch = client.epoch();
        String job1 = cluster.jobId().orElseThrow();
        String savepoint1 = flink.stopWithSavepoint(job1, cluster.dir().savepoints(), Duration.ofMinutes(2));
        String job2 = cluster.submitJob(SharedCluster.JOB_ARGS, 4, savepoint1);
        assertThat(stateVertex(job2).path("parallelism").asInt()).isEqualTo(4);
        assertThat(taskManagersOf(job2)).as("the match state spread over both task managers")
                .containsExactlyInAnyOrder("taskmanager-1", "taskmanager-2");

        sendAndSettle(events.subList(0, 2 * third), client);
        String savepoint2 = flink.stopWithSavepoint(job2, cluster.dir().savepoints(), Duration.ofMinutes(2));
        List<String> upgraded = new ArrayList<>(SharedCluster.JOB_ARGS);
        upgraded.addAll(List.of("--batch-interval", "250ms"));
        String job3 = cluster.submitJob(upgraded, 2, savepoint2);
        assertThat(stateVertex(job3).path("parallelism").asInt()).isEqualTo(2);

        sendAndSettle(events, client);
        MatchChecks.assertExact(client, events);
        assertThat(client.epoch()).as("the state was restored, not rebuilt").isEqualTo(epoch);
        MatchChecks.assertChangeLogReplaysIdentical(cluster.bootstrapServers(), "sp-a", events.size());
        Figures.record("savepoint at parallelism 2 → restore at 4 → savepoint → upgraded job (batch interval 250 ms) at 2: "
                + "state intact (epoch " + epoch + " kept, final scorecard exact), lost changes " + client.gaps());
    }

    @Test
    @Order(4)
    void tenThousandBadRecordsAmongARealMatchAreDeadLettersWithoutARestart() throws Exception {
        List<MatchEvent> match = CricsheetRecords.events("1181766", "dl-a");
        String job = cluster.jobId().orElseThrow();
        String restartsBefore = cluster.flink().jobMetric(job, "numRestarts").orElse("0");
        long started = System.currentTimeMillis();
        Instant t = Instant.parse("2024-01-01T10:00:00Z");
        feed.send(new MatchStart("dl-side:start", "dl-side", t, List.of("X", "Y"),
                Map.of("X", List.of("x1", "x2"), "Y", List.of("y1", "y2")), 20, 6, null, null));

        int badCount = 10_000;
        int perEvent = badCount / match.size() + 1;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<String> expectedReasons = new ArrayList<>();
        int bad = 0;
        for (MatchEvent event : match) {
            feed.sendAsync(event.entityId(), Json.string(event));
            for (int k = 0; k < perEvent && bad < badCount; k++, bad++) {
                String[] record = badRecord(bad, t);
                sent.add(feed.sendAsync(record[0], record[1]));
                expectedReasons.add(record[2]);
            }
        }
        feed.flush();
        Map<String, String> reasonAt = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            RecordMetadata where = sent.get(i).get();
            reasonAt.put(where.partition() + "@" + where.offset(), expectedReasons.get(i));
        }

        List<DeadLetter> letters = new ArrayList<>();
        try (TopicReader deadLetters = new TopicReader(cluster.bootstrapServers(), Topic.DEAD_LETTERS.defaultName())) {
            deadLetters.readUntil(records -> {
                letters.clear();
                for (ConsumerRecord<String, String> r : records) {
                    DeadLetter d = Json.read(r.value(), DeadLetter.class);
                    if (reasonAt.containsKey(d.partition() + "@" + d.offset())) {
                        letters.add(d);
                    }
                }
                return letters.size() >= badCount;
            }, SETTLE, "a dead letter for each bad record");
        }
        ChannelView client = clients.channel("match:dl-a");
        MatchChecks.awaitSettled(client, match, SETTLE);

        Set<String> seen = new HashSet<>();
        for (DeadLetter d : letters) {
            String where = d.partition() + "@" + d.offset();
            assertThat(seen.add(where)).as("one dead letter for the record at %s", where).isTrue();
            assertThat(d.reason()).as("the reason for the record at %s: %s", where, d.message())
                    .isEqualTo(reasonAt.get(where));
            assertThat(d.message()).isNotBlank();
            assertThat(d.sourceTopic()).isEqualTo(Topic.MATCH_EVENTS.defaultName());
        }
        assertThat(seen).hasSize(badCount);
        MatchChecks.assertExact(client, match);
        assertThat(cluster.jobId()).contains(job);
        assertThat(cluster.flink().jobState(job)).isEqualTo("RUNNING");
        assertThat(cluster.flink().jobMetric(job, "numRestarts").orElse("0")).as("restarts").isEqualTo(restartsBefore);
        List<JsonNode> failures = new ArrayList<>();
        cluster.flink().exceptions(job).path("exceptionHistory").path("entries").forEach(e -> {
            if (e.path("timestamp").asLong() >= started) {
                failures.add(e);
            }
        });
        assertThat(failures).as("job failures while the bad records went through").isEmpty();
        Figures.record("10,000 bad records among match dl-a: " + seen.size() + " dead letters with the expected reason, "
                + "restarts 0, final scorecard exact");
    }

    @Test
    @Order(5)
    void theDashboardChartsMetricsTheRunningProcessesExport() throws Exception {
        Set<String> exported = new HashSet<>();
        Set<String> gatewayExports = new HashSet<>();
        for (Member m : cluster.layout().members()) {
            if (m.metricsPort() != 0) {
                exported.addAll(Scrape.metricNames("http://127.0.0.1:" + m.metricsPort() + "/metrics"));
            }
            if (m.role() == Role.GATEWAY) {
                gatewayExports.addAll(Scrape.metricNames("http://127.0.0.1:" + m.port() + "/metrics"));
            }
        }
        JsonNode dashboard = Json.tree(java.nio.file.Files.readString(DockerComposeTest.DASHBOARD));
        Set<String> charted = DockerComposeTest.metricNames(dashboard);
        assertThat(charted.stream().filter(n -> n.startsWith("flink_")).toList()).as("the job's metrics charted")
                .isNotEmpty()
                .allSatisfy(n -> assertThat(exported).as("exported by the JobManager or a TaskManager").contains(n));
        assertThat(charted.stream().filter(n -> n.startsWith("scoreline_gateway_")).toList())
                .as("the gateways' metrics charted").isNotEmpty()
                .allSatisfy(n -> assertThat(gatewayExports).as("exported by a gateway").contains(n));
    }

    @Test
    @Order(6)
    void aGatewayKilledMidReplayItsClientsResumeAtTheOtherWithSinceAndEndExact() throws Exception {
        List<MatchEvent> events = CricsheetRecords.events("1426312", "gw-a");
        List<Integer> ports = cluster.layout().members(Role.GATEWAY).stream().map(Member::port).toList();
        int head = 12;
        for (MatchEvent e : events.subList(0, head)) {
            feed.send(e);
        }
        MatchChecks.awaitSettled(clients.channel("match:gw-a"), events.subList(0, head), SETTLE);
        List<GatewayClient> watchers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                watchers.add(new GatewayClient(ports, i % 2, "match:gw-a"));
            }
            List<MatchEvent> rest = events.subList(head, events.size());
            Feed.Replay replay = feed.replay(rest, PACE);
            replay.awaitSent(rest.size() * 2 / 5, Duration.ofMinutes(2));
            long killedAt = System.currentTimeMillis();
            cluster.kill("gateway-1");
            replay.done.join();

            long firstVersionAfter = head + replay.firstSentAfter(killedAt) + 1L;
            long recovery = Long.MAX_VALUE;
            int lost = 0;
            int stale = 0;
            int twice = 0;
            for (GatewayClient w : watchers) {
                MatchChecks.awaitSettled(w.view, events, SETTLE);
                MatchChecks.assertExact(w.view, events);
                lost += w.view.gaps() + w.view.uncovered(Matches.lastVisibleVersion(events)).size();
                stale += w.view.stale();
                twice += w.view.appliedTwice();
                assertThat(w.port()).as("every client ends on the gateway that stayed").isEqualTo(ports.get(1));
                long at = w.view.arrivalOf(firstVersionAfter);
                if (at > 0) {
                    recovery = Math.min(recovery, at - killedAt);
                }
            }
            List<GatewayClient> moved = watchers.stream().filter(w -> w.connections() > 1).toList();
            assertThat(moved).as("the clients of the killed gateway reconnected").hasSize(10);
            long slowestResume = moved.stream().mapToLong(w -> w.view.arrivalOf(firstVersionAfter) - killedAt).max()
                    .orElseThrow();
            Figures.record(String.format("gateway kill -9: 10 of 20 WebSocket clients resumed at the other gateway "
                            + "with since; next new delta at a client %d ms after the kill, at the slowest moved client "
                            + "%d ms; lost changes %d; changes applied twice %d; deltas seen again and ignored %d; "
                            + "resyncs by snapshot %d",
                    recovery, slowestResume, lost, twice, stale, moved.stream().mapToInt(w -> w.view.resyncs()).sum()));
            assertThat(twice).as("deltas applied at or below a client's version").isZero();
        } finally {
            watchers.forEach(GatewayClient::close);
        }
        cluster.start("gateway-1");
    }

    @Test
    @Order(7)
    void aGatewayUnderAbuseKeepsServingEveryoneElse() throws Exception {
        List<MatchEvent> events = CricsheetRecords.events("335988", "ab-a");
        int port = cluster.layout().member("gateway-2").port();
        int head = 12;
        for (MatchEvent e : events.subList(0, head)) {
            feed.send(e);
        }
        MatchChecks.awaitSettled(clients.channel("match:ab-a"), events.subList(0, head), SETTLE);
        List<GatewayClient> honest = new ArrayList<>();
        List<Abuser> abusers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                honest.add(new GatewayClient(List.of(port), 0, "match:ab-a"));
            }
            Feed.Replay replay = feed.replay(events.subList(head, events.size()), PACE);
            for (int round = 0; round < 10; round++) {
                for (Abuser.Kind kind : Abuser.Kind.values()) {
                    abusers.add(Abuser.start(kind, port));
                }
            }
            replay.done.join();
            for (GatewayClient c : honest) {
                MatchChecks.awaitSettled(c.view, events, SETTLE);
                MatchChecks.assertExact(c.view, events);
                assertThat(c.connections()).as("an honest client was never dropped").isEqualTo(1);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !abusersAnswered(abusers)) {
                Thread.sleep(200);
            }
            for (Abuser a : abusers) {
                switch (a.kind) {
                    case MALFORMED -> assertThat(a.closeCode()).as("malformed messages close with 1008").isEqualTo(1008);
                    case OVERSIZED -> assertThat(a.closeCode()).as("an oversized message closes with 1009").isEqualTo(1009);
                    case SUBSCRIPTION_FLOOD, BAD_TOKEN -> assertThat(a.errors()).as("%s answered with errors", a.kind)
                            .isPositive();
                    default -> { }
                }
            }
            assertThat(Scrape.metricNames("http://127.0.0.1:" + port + "/metrics")).as("the gateway still answers")
                    .contains("scoreline_gateway_connections");
            Figures.record("gateway abuse (70 abusers: half-open sockets and upgrades, slow readers, malformed and "
                    + "oversized frames, subscription floods, bad tokens) on one gateway: its 10 honest clients ended "
                    + "exact, none dropped, lost changes " + honest.stream().mapToInt(c -> c.view.gaps()).sum());
        } finally {
            honest.forEach(GatewayClient::close);
            abusers.forEach(Abuser::close);
        }
    }

    private static boolean abusersAnswered(List<Abuser> abusers) {
        return abusers.stream().allMatch(a -> switch (a.kind) {
            case MALFORMED, OVERSIZED -> a.closeCode() >= 0;
            case SUBSCRIPTION_FLOOD, BAD_TOKEN -> a.errors() > 0;
            default -> true;
        });
    }

    /** One bad record, {key, value, the dead letter's expected reason}, of five kinds in turn. */
    private static String[] badRecord(int i, Instant t) {
        return switch (i % 5) {
            case 0 -> new String[] {"dl-a", "{\"type\":\"delivery\",\"matchId\":\"dl-a\",\"over\":" + i,
                DeadLetter.MALFORMED_JSON};
            case 1 -> new String[] {"dl-a", "{\"type\":\"delivery\",\"eventId\":\"dl-bad-" + i + "\",\"matchId\":\"dl-a\","
                    + "\"eventTime\":\"2024-01-01T10:00:00Z\",\"over\":\"three\",\"batter\":\"A\",\"bowler\":\"B\","
                    + "\"nonStriker\":\"C\",\"runs\":{\"batter\":0,\"extras\":0,\"total\":0}}", DeadLetter.SCHEMA_VIOLATION};
            case 2 -> new String[] {"dl-a", "{\"pad\":\"" + "x".repeat(9000) + "\"}", DeadLetter.OVERSIZED};
            case 3 -> new String[] {"dl-ghost-" + i, Json.string(new Delivery("dl-ghost-" + i + ":1", "dl-ghost-" + i, t, 0,
                    "A", "B", "C", new Delivery.Runs(1, 0, 1, false), null, null)), DeadLetter.UNKNOWN_ENTITY};
            default -> new String[] {"dl-side", Json.string(new DeliveryUndo("dl-side:undo-" + i, "dl-side",
                    t.plusSeconds(1))), DeadLetter.REJECTED};
        };
    }

    private static void sendAndSettle(List<MatchEvent> upTo, ChannelView client) {
        long have = client.version();
        for (MatchEvent e : upTo.subList((int) Math.min(have, upTo.size()), upTo.size())) {
            feed.send(e);
        }
        JsonNode expected = Matches.finalView(upTo);
        Await.value(() -> "the view after " + upTo.size() + " events: " + client, SETTLE,
                () -> expected.equals(client.state()) ? client : null);
    }

    private static JsonNode stateVertex(String job) {
        for (JsonNode v : cluster.flink().job(job).path("vertices")) {
            if (v.path("name").asText().contains("match-state")) {
                return v;
            }
        }
        throw new AssertionError("no match-state vertex in " + cluster.flink().job(job));
    }

    private static Set<String> taskManagersOf(String job) {
        Set<String> ids = new HashSet<>();
        String vertex = stateVertex(job).path("id").asText();
        cluster.flink().get("jobs/" + job + "/vertices/" + vertex + "/taskmanagers").path("taskmanagers")
                .forEach(tm -> ids.add(tm.path("taskmanager-id").asText()));
        return ids;
    }

    private static void settle(Map<String, List<MatchEvent>> matches) {
        for (Map.Entry<String, List<MatchEvent>> m : matches.entrySet()) {
            MatchChecks.awaitSettled(clients.channel("match:" + m.getKey()), m.getValue(), SETTLE);
        }
    }

    private static int assertExactAndCount(Map<String, List<MatchEvent>> matches) {
        int repeats = 0;
        for (Map.Entry<String, List<MatchEvent>> m : matches.entrySet()) {
            MatchChecks.assertExact(clients.channel("match:" + m.getKey()), m.getValue());
            repeats += MatchChecks.assertChangeLogReplaysIdentical(cluster.bootstrapServers(), m.getKey(),
                    m.getValue().size());
        }
        return repeats;
    }

    private static int lost(Map<String, List<MatchEvent>> matches) {
        return matches.entrySet().stream().mapToInt(m -> clients.channel("match:" + m.getKey()).gaps()
                + clients.channel("match:" + m.getKey()).uncovered(Matches.lastVisibleVersion(m.getValue())).size()).sum();
    }

    private static int appliedTwice(Map<String, List<MatchEvent>> matches) {
        int twice = matches.keySet().stream().mapToInt(id -> clients.channel("match:" + id).appliedTwice()).sum();
        assertThat(twice).as("deltas applied at or below the client's version").isZero();
        return twice;
    }

    private static long overlapping(Map<String, List<MatchEvent>> matches) {
        return matches.keySet().stream().mapToLong(id -> clients.channel("match:" + id).overlapping()).sum();
    }

    private static int stale(Map<String, List<MatchEvent>> matches) {
        return matches.keySet().stream().mapToInt(id -> clients.channel("match:" + id).stale()).sum();
    }

    /**
     * From the kill to the arrival at a client of the first delta that carries an event sent after
     * the kill: only the recovered job can have produced it.
     */
    private static long recoveryMillis(Map<String, List<MatchEvent>> matches, List<MatchEvent> events,
            Feed.Replay replay, long killedAt) {
        int first = replay.firstSentAfter(killedAt);
        Map<String, Long> firstVersionAfter = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).entityId();
            int version = counts.merge(id, 1, Integer::sum);
            if (i >= first) {
                firstVersionAfter.putIfAbsent(id, (long) version);
            }
        }
        long arrival = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : firstVersionAfter.entrySet()) {
            long at = clients.channel("match:" + e.getKey()).arrivalOf(e.getValue());
            if (at > 0) {
                arrival = Math.min(arrival, at);
            }
        }
        assertThat(arrival).as("a delta of an event sent after the kill arrived").isLessThan(Long.MAX_VALUE);
        return arrival - killedAt;
    }

    private static int exceptionCount(String job) {
        return cluster.flink().exceptions(job).path("exceptionHistory").path("entries").size();
    }

    private static void awaitCheckpointAfter(String job, long millis) {
        Await.until("a checkpoint completed after " + millis, Duration.ofMinutes(1), () -> cluster.flink().checkpoints(job)
                .path("latest").path("completed").path("latest_ack_timestamp").asLong() > millis);
    }
}
