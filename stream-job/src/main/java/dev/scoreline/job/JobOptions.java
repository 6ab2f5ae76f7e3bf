package dev.scoreline.job;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import dev.scoreline.cli.ValueType;
import dev.scoreline.market.BettingTerms;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.table.Dealer;
import dev.scoreline.topic.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The job's parameters, from its command line ({@link #OPTIONS}). Cluster-wide settings (state
 * backend, checkpoint storage) belong in Flink's {@code config.yaml}; the options here that touch
 * them are for running the job outside a cluster and override the cluster only when given.
 */
public record JobOptions(
        String bootstrapServers,
        String groupId,
        List<String> entities,
        String matchTopic,
        String tableTopic,
        String tickerTopic,
        String walletTopic,
        OutputTopics outputs,
        StartingOffsets startingOffsets,
        StateTuning tuning,
        int maxRecordBytes,
        DeliveryGuarantee delivery,
        Integer parallelism,
        int maxParallelism,
        Duration checkpointInterval,
        String checkpointDir,
        String stateBackend,
        Dealer dealer,
        BettingTerms betting) {

    /** Flink's own rule for a duration without a unit, kept from when Flink parsed these. */
    private static final ValueType<Duration> DURATION = ValueType.duration(ChronoUnit.MILLIS);

    private static final StateTuning TUNING = StateTuning.defaults();

    public static final Option<String> BOOTSTRAP = Option.of("bootstrap", ValueType.hostPorts()).required()
            .help("Kafka bootstrap servers, several separated by commas");
    public static final Option<String> GROUP_ID = Option.text("group-id", "NAME").byDefault("scoreline-job")
            .help("consumer group");
    public static final Option<List<String>> ENTITIES = Option.of("entities",
                    ValueType.list(ValueType.oneOf(EntityKinds.NAMES.toArray(String[]::new))))
            .byDefault(EntityKinds.NAMES)
            .help("which entity kinds to run; the ticker runs whenever matches do and the wallets whenever tables "
                    + "or matches do, since they feed them");
    public static final Option<String> MATCH_TOPIC = topic("match-topic", Topic.MATCH_EVENTS,
            "match events are read, and the wallets write players' bets");
    public static final Option<String> TABLE_TOPIC = topic("table-topic", Topic.TABLE_EVENTS, "table events are read");
    public static final Option<String> TICKER_TOPIC = topic("ticker-topic", Topic.TICKER_EVENTS,
            "the matches write their lines and the ticker reads them");
    public static final Option<String> WALLET_TOPIC = topic("wallet-topic", Topic.WALLET_EVENTS,
            "the wallets read credits, debits, players' sits and bets and the tables' and matches' answers");
    public static final Option<String> DELTAS_TOPIC = topic("deltas-topic", Topic.STATE_DELTAS,
            "the deltas of public channels are written");
    public static final Option<String> SNAPSHOTS_TOPIC = topic("snapshots-topic", Topic.STATE_SNAPSHOTS,
            "the snapshots of public channels are written");
    public static final Option<String> PRIVATE_DELTAS_TOPIC = topic("private-deltas-topic", Topic.PRIVATE_DELTAS,
            "the deltas of private channels (seats, wallets) are written, partitioned by their player");
    public static final Option<String> PRIVATE_SNAPSHOTS_TOPIC = topic("private-snapshots-topic",
            Topic.PRIVATE_SNAPSHOTS, "the snapshots of private channels are written, partitioned as their deltas");
    public static final Option<String> CHANGELOG_TOPIC = topic("changelog-topic", Topic.STATE_CHANGELOG,
            "changelog entries are written");
    public static final Option<String> DEAD_LETTERS_TOPIC = topic("dead-letters-topic", Topic.DEAD_LETTERS,
            "refused input records are written");
    public static final Option<String> VERDICTS_TOPIC = topic("verdicts-topic", Topic.VERDICTS,
            "the verdicts on players' actions are written");
    public static final Option<Path> DEALER_SECRET_FILE = Option.of("dealer-secret-file", ValueType.path("FILE"))
            .defaultText("none: tables deal on hand.start events only")
            .help("the dealer's secret (the file's content, trimmed): tables deal their next hand by themselves, "
                    + "seeded from it");
    public static final Option<StartingOffsets> STARTING_OFFSETS = Option.of("starting-offsets",
                    ValueType.oneOf(StartingOffsets.class))
            .byDefault(StartingOffsets.COMMITTED)
            .help("where a fresh job starts reading (committed: the group's offsets, or earliest when it has none)");
    public static final Option<Duration> BATCH_INTERVAL = Option.of("batch-interval", DURATION)
            .byDefault(TUNING.batchInterval()).help("least time between two publications of an entity");
    public static final Option<Integer> BATCH_MAX_EVENTS = Option.of("batch-max-events", ValueType.positive())
            .byDefault(TUNING.batchMaxEvents()).help("publish sooner once this many events wait");
    public static final Option<Integer> SNAPSHOT_EVERY_VERSIONS = Option.of("snapshot-every-versions",
                    ValueType.positive())
            .byDefault((int) TUNING.snapshots().everyVersions()).help("a snapshot after this many versions");
    public static final Option<Duration> SNAPSHOT_INTERVAL = Option.of("snapshot-interval", DURATION)
            .byDefault(TUNING.snapshots().every()).help("a snapshot after this long");
    public static final Option<Duration> DEDUP_RETENTION = Option.of("dedup-retention", DURATION)
            .byDefault(TUNING.dedupRetention()).help("how long an event id is remembered to drop a redelivery");
    public static final Option<Duration> IDLE_TIMEOUT = Option.of("idle-timeout", DURATION)
            .byDefault(TUNING.idleTimeout()).help("an entity without events this long leaves the state");
    public static final Option<Duration> FINISHED_RETENTION = Option.of("finished-retention", DURATION)
            .byDefault(TUNING.finishedRetention()).help("a finished entity leaves the state this long after");
    public static final Option<Integer> ENTITIES_IN_MEMORY = Option.of("entities-in-memory", ValueType.positive())
            .byDefault(TUNING.entitiesInMemory()).help("per task, kept deserialized between checkpoints");
    public static final Option<Integer> MAX_RECORD_BYTES = Option.of("max-record-bytes", ValueType.positive())
            .byDefault(64 * 1024).help("larger input records are dead letters");
    public static final Option<DeliveryGuarantee> DELIVERY = Option.of("delivery",
                    ValueType.oneOf(DeliveryGuarantee.class, DeliveryGuarantee.AT_LEAST_ONCE,
                            DeliveryGuarantee.EXACTLY_ONCE))
            .byDefault(DeliveryGuarantee.AT_LEAST_ONCE).help("of the Kafka sink");
    public static final Option<Integer> PARALLELISM = Option.of("parallelism", ValueType.positive())
            .defaultText("the cluster's").help("of every operator");
    public static final Option<Integer> MAX_PARALLELISM = Option.of("max-parallelism", ValueType.positive())
            .byDefault(128).help("key groups; fixed for the job's life");
    public static final Option<Duration> CHECKPOINT_INTERVAL = Option.of("checkpoint-interval", DURATION)
            .defaultText("the cluster's").help("time between checkpoints");
    public static final Option<String> CHECKPOINT_DIR = Option.text("checkpoint-dir", "URI")
            .defaultText("the cluster's").help("where checkpoints go, kept when the job is cancelled");
    public static final Option<String> STATE_BACKEND = Option.of("state-backend", ValueType.oneOf("rocksdb", "hashmap"))
            .defaultText("the cluster's").help("where keyed state lives");

    public static final Option<Integer> BET_HOUSE_CUT = Option.of("bet-house-cut", ValueType.integer(0, 50))
            .byDefault(BettingTerms.DEFAULT.houseCutPercent())
            .help("percent of every betting pool with a winner that the house keeps; a replay of a match's log "
                    + "decides its bets the same way only under the same betting options");
    public static final Option<Duration> BET_DELAY = Option.of("bet-delay", DURATION)
            .byDefault(BettingTerms.DEFAULT.betDelay())
            .help("a bet placed less than this before the ball that closed its market is returned, not played");
    public static final Option<Integer> BET_MAX_STAKE = Option.of("bet-max-stake", ValueType.positive())
            .byDefault((int) BettingTerms.DEFAULT.maxStake()).help("the largest stake of one bet, in chips");

    /** The options every command that runs the job takes. */
    public static final List<Option<?>> ALL = List.of(BOOTSTRAP, GROUP_ID, ENTITIES, MATCH_TOPIC, TABLE_TOPIC,
            TICKER_TOPIC, WALLET_TOPIC, DELTAS_TOPIC, SNAPSHOTS_TOPIC, PRIVATE_DELTAS_TOPIC, PRIVATE_SNAPSHOTS_TOPIC,
            CHANGELOG_TOPIC, DEAD_LETTERS_TOPIC, VERDICTS_TOPIC,
            DEALER_SECRET_FILE, STARTING_OFFSETS,
            BATCH_INTERVAL, BATCH_MAX_EVENTS, SNAPSHOT_EVERY_VERSIONS, SNAPSHOT_INTERVAL, DEDUP_RETENTION,
            IDLE_TIMEOUT, FINISHED_RETENTION, ENTITIES_IN_MEMORY, MAX_RECORD_BYTES, DELIVERY, PARALLELISM,
            MAX_PARALLELISM, CHECKPOINT_INTERVAL, CHECKPOINT_DIR, STATE_BACKEND, BET_HOUSE_CUT, BET_DELAY, BET_MAX_STAKE);

    public static final String DURATIONS = "Durations: 100ms, 10s, 5min, 24h (a bare number is milliseconds).";

    public static final Options OPTIONS = Options.command("flink run stream-job-*-job.jar",
                    "The Scoreline stream job, submitted to a Flink cluster.")
            .with(ALL).footer(DURATIONS);

    private static Option<String> topic(String name, Topic topic, String what) {
        return Option.text(name, "NAME").byDefault(topic.defaultName()).help("the topic where " + what);
    }

    /** @throws dev.scoreline.cli.UsageException naming the option that is wrong */
    public static JobOptions parse(String... args) {
        return of(OPTIONS.parse(args));
    }

    /** The job's options among what a command was given (its spec includes {@link #ALL}). */
    public static JobOptions of(Parsed p) {
        String tickerTopic = p.get(TICKER_TOPIC);
        String tableTopic = p.get(TABLE_TOPIC);
        String walletTopic = p.get(WALLET_TOPIC);
        return new JobOptions(
                p.get(BOOTSTRAP),
                p.get(GROUP_ID),
                entities(p.get(ENTITIES)),
                p.get(MATCH_TOPIC),
                tableTopic,
                tickerTopic,
                walletTopic,
                new OutputTopics(p.get(DELTAS_TOPIC), p.get(SNAPSHOTS_TOPIC), p.get(CHANGELOG_TOPIC),
                        p.get(DEAD_LETTERS_TOPIC), p.get(VERDICTS_TOPIC), tickerTopic, tableTopic, walletTopic,
                        p.get(MATCH_TOPIC), p.get(PRIVATE_DELTAS_TOPIC), p.get(PRIVATE_SNAPSHOTS_TOPIC)),
                p.get(STARTING_OFFSETS),
                new StateTuning(
                        p.get(BATCH_INTERVAL),
                        p.get(BATCH_MAX_EVENTS),
                        new SnapshotPolicy(p.get(SNAPSHOT_EVERY_VERSIONS), p.get(SNAPSHOT_INTERVAL)),
                        p.get(DEDUP_RETENTION),
                        p.get(IDLE_TIMEOUT),
                        p.get(FINISHED_RETENTION),
                        p.get(ENTITIES_IN_MEMORY)),
                p.get(MAX_RECORD_BYTES),
                p.get(DELIVERY),
                p.get(PARALLELISM),
                p.get(MAX_PARALLELISM),
                p.get(CHECKPOINT_INTERVAL),
                p.get(CHECKPOINT_DIR),
                p.get(STATE_BACKEND),
                dealer(p.get(DEALER_SECRET_FILE)),
                new BettingTerms(p.get(BET_HOUSE_CUT), p.get(BET_DELAY), p.get(BET_MAX_STAKE)));
    }

    /** The dealer whose secret {@code file} holds, or none without a file. */
    private static Dealer dealer(Path file) {
        if (file == null) {
            return null;
        }
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new UsageException("--" + DEALER_SECRET_FILE.name() + ": there is no file " + file);
        } catch (IOException e) {
            throw new UsageException(
                    "--" + DEALER_SECRET_FILE.name() + ": cannot read " + file + ": " + e.getMessage());
        }
        if (secret.isEmpty()) {
            throw new UsageException("--" + DEALER_SECRET_FILE.name() + ": " + file + " holds no secret (it is empty)");
        }
        return new Dealer(secret);
    }

    /**
     * The kinds named, with the ticker added when matches run and the wallets when tables do: the
     * matches' lines and the tables' answers to wallets would otherwise pile up unread.
     */
    private static List<String> entities(List<String> given) {
        List<String> names = new ArrayList<>();
        for (String name : given) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.contains("match") && !names.contains("ticker")) {
            names.add("ticker");
        }
        if ((names.contains("table") || names.contains("match")) && !names.contains("wallet")) {
            names.add("wallet");
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
}
