package dev.scoreline.job;

import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.TimeUtils;

/**
 * The job's parameters, from {@code --name value} pairs. Cluster-wide settings (state backend,
 * checkpoint storage) belong in Flink's {@code config.yaml}; the options here that touch them are
 * for running the job outside a cluster and override the cluster only when given.
 */
public record JobOptions(
        String bootstrapServers,
        String groupId,
        List<String> entities,
        String matchTopic,
        String tableTopic,
        String tickerTopic,
        OutputTopics outputs,
        String startingOffsets,
        StateTuning tuning,
        int maxRecordBytes,
        DeliveryGuarantee delivery,
        Integer parallelism,
        int maxParallelism,
        Duration checkpointInterval,
        String checkpointDir,
        String stateBackend) {

    public static final String USAGE = """
            Scoreline stream job. Options (--name value):
              --bootstrap HOST:PORT          Kafka bootstrap servers (required)
              --group-id NAME                consumer group (default scoreline-job)
              --entities match,ticker,table  which entity kinds to run (default all three); the
                                             ticker runs whenever matches do, since they feed it
              --match-topic NAME             (default match-events)
              --table-topic NAME             (default table-events)
              --ticker-topic NAME            the matches write their lines there and the ticker
                                             reads them (default ticker-events)
              --deltas-topic NAME            (default state-deltas)
              --snapshots-topic NAME         (default state-snapshots)
              --changelog-topic NAME         (default state-changelog)
              --dead-letters-topic NAME      (default dead-letters)
              --starting-offsets committed|earliest|latest
                                             where a fresh job starts reading (default committed,
                                             or earliest when the group has none)
              --batch-interval DURATION      least time between two publications of an entity
                                             (default 100ms)
              --batch-max-events N           (default 50)
              --snapshot-every-versions N    (default 100)
              --snapshot-interval DURATION   (default 30s)
              --dedup-retention DURATION     (default 24h)
              --idle-timeout DURATION        (default 24h)
              --finished-retention DURATION  (default 1h)
              --entities-in-memory N         per task, kept deserialized between checkpoints
                                             (default 1024)
              --max-record-bytes N           larger input records are dead letters (default 65536)
              --delivery at-least-once|exactly-once  (default at-least-once)
              --parallelism N                (default: the cluster's)
              --max-parallelism N            key groups; fixed for the job's life (default 128)
              --checkpoint-interval DURATION (default: the cluster's)
              --checkpoint-dir URI           (default: the cluster's)
              --state-backend rocksdb|hashmap (default: the cluster's)
            Durations: 100ms, 10s, 5min, 24h.""";

    public static JobOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || name.length() == 2) {
                throw new IllegalArgumentException("expected an option --name, got '" + name + "'\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value\n" + USAGE);
            }
            given.put(name.substring(2), args[++i]);
        }
        Reader r = new Reader(given);
        StateTuning defaults = StateTuning.defaults();
        String tickerTopic = r.text("ticker-topic", Topic.TICKER_EVENTS.defaultName());
        JobOptions options = new JobOptions(
                r.required("bootstrap"),
                r.text("group-id", "scoreline-job"),
                entities(r.text("entities", "match,ticker,table")),
                r.text("match-topic", Topic.MATCH_EVENTS.defaultName()),
                r.text("table-topic", Topic.TABLE_EVENTS.defaultName()),
                tickerTopic,
                new OutputTopics(
                        r.text("deltas-topic", Topic.STATE_DELTAS.defaultName()),
                        r.text("snapshots-topic", Topic.STATE_SNAPSHOTS.defaultName()),
                        r.text("changelog-topic", Topic.STATE_CHANGELOG.defaultName()),
                        r.text("dead-letters-topic", Topic.DEAD_LETTERS.defaultName()),
                        tickerTopic),
                r.choice("starting-offsets", "committed", "committed", "earliest", "latest"),
                new StateTuning(
                        r.duration("batch-interval", defaults.batchInterval()),
                        r.integer("batch-max-events", defaults.batchMaxEvents()),
                        new SnapshotPolicy(
                                r.integer("snapshot-every-versions", (int) defaults.snapshots().everyVersions()),
                                r.duration("snapshot-interval", defaults.snapshots().every())),
                        r.duration("dedup-retention", defaults.dedupRetention()),
                        r.duration("idle-timeout", defaults.idleTimeout()),
                        r.duration("finished-retention", defaults.finishedRetention()),
                        r.integer("entities-in-memory", defaults.entitiesInMemory())),
                r.integer("max-record-bytes", 64 * 1024),
                r.choice("delivery", "at-least-once", "at-least-once", "exactly-once").equals("exactly-once")
                        ? DeliveryGuarantee.EXACTLY_ONCE
                        : DeliveryGuarantee.AT_LEAST_ONCE,
                given.containsKey("parallelism") ? r.integer("parallelism", 1) : null,
                r.integer("max-parallelism", 128),
                given.containsKey("checkpoint-interval") ? r.duration("checkpoint-interval", null) : null,
                given.get("checkpoint-dir"),
                given.containsKey("state-backend") ? r.choice("state-backend", null, "rocksdb", "hashmap") : null);
        r.rejectUnknown();
        return options;
    }

    /**
     * The kinds named, with the ticker added when matches run: the matches' lines would otherwise
     * pile up unread and the scores channel would stand still.
     */
    private static List<String> entities(String given) {
        List<String> names = new ArrayList<>();
        for (String name : given.split(",")) {
            if (!EntityKinds.NAMES.contains(name)) {
                throw new IllegalArgumentException("--entities takes " + String.join(", ", EntityKinds.NAMES)
                        + ", not '" + name + "'");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.contains("match") && !names.contains("ticker")) {
            names.add("ticker");
        }
        return List.copyOf(names);
    }

    /** The Flink settings these options ask for, on top of whatever the cluster has. */
    public Configuration flinkConfiguration() {
        Configuration conf = new Configuration();
        // Every type in the job has an explicit serializer; a Kryo fallback would be a bug.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (checkpointInterval != null) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        }
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        if (stateBackend != null) {
            conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
            if (stateBackend.equals("rocksdb")) {
                conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
            }
        }
        return conf;
    }

    private static final class Reader {
        private final Map<String, String> given;
        private final List<String> read = new ArrayList<>();

        Reader(Map<String, String> given) {
            this.given = given;
        }

        String required(String name) {
            read.add(name);
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
            }
            return value;
        }

        String text(String name, String fallback) {
            read.add(name);
            String value = given.get(name);
            return value == null ? fallback : value;
        }

        String choice(String name, String fallback, String... allowed) {
            String value = text(name, fallback);
            if (value != null && !List.of(allowed).contains(value.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--" + name + " takes one of " + String.join(", ", allowed)
                        + ", not '" + value + "'");
            }
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        }

        int integer(String name, int fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < 1) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " takes a positive whole number, not '" + value + "'");
            }
        }

        Duration duration(String name, Duration fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                return TimeUtils.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + " takes a duration such as 100ms, 10s or 5min, not '"
                        + value + "'");
            }
        }

        void rejectUnknown() {
            for (String name : given.keySet()) {
                if (!read.contains(name) && !List.of("parallelism", "checkpoint-interval", "checkpoint-dir",
                        "state-backend").contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
                }
            }
        }
    }
}
