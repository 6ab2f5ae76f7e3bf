package dev.scoreline.bench;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code ./scoreline bench}, every benchmark's in one place: one run takes them all,
 * and a name means the same in each benchmark that reads it.
 */
public final class BenchOptions {

    private BenchOptions() {}

    public static final Option<Path> OUT = Option.of("out", ValueType.path("FILE"))
            .help("also write the report (with command, machine and date) to FILE");
    public static final Option<Path> DIR = Option.of("dir", ValueType.path("DIR")).byDefault(Path.of(".scoreline/bench"))
            .help("work directory; wiped first");
    public static final Option<Path> MATCHES = Option.of("matches", ValueType.path("DIR"))
            .defaultText("data/cricsheet of the checkout")
            .help("job, scorer, e2e: recorded matches (a folder of Cricsheet JSON files)");
    public static final Option<Integer> WARM_UP_SECONDS = Option.of("warm-up-seconds", ValueType.count()).byDefault(3)
            .help("fanout: an unreported first step per server, at --max-offered; scorer: unmeasured time first");

    public static final Option<List<String>> SYSTEMS = Option.of("systems",
                    ValueType.list(ValueType.oneOf("gateway", "limit", "mosquitto")))
            .byDefault(List.of("gateway", "limit", "mosquitto")).help("fanout: which servers");
    public static final Option<List<Integer>> SUBSCRIBERS = Option.of("subscribers", ValueType.list(ValueType.count()))
            .byDefault(List.of(1000, 10_000, 18_000))
            .help("fanout: subscriber counts; the largest also measures idle memory");
    public static final Option<List<Integer>> CHANNELS = Option.of("channels", ValueType.list(ValueType.count()))
            .byDefault(List.of(1, 100)).help("fanout: channels the subscribers spread over");
    public static final Option<List<Integer>> OFFERED = Option.of("offered", ValueType.list(ValueType.count()))
            .byDefault(List.of(50_000, 250_000, 1_000_000))
            .help("fanout: offered messages/s (deltas/s x subscribers per channel)");
    public static final Option<Integer> MAX_OFFERED = Option.of("max-offered", ValueType.count()).byDefault(50_000)
            .help("fanout: offered rate at the largest count only");
    public static final Option<Integer> SECONDS = Option.of("seconds", ValueType.count()).byDefault(8)
            .help("fanout: publishing time per step");
    public static final Option<Integer> PAD = Option.of("pad", ValueType.count()).byDefault(300)
            .help("fanout: bytes of padding per delta (the frame is ~100 bytes more)");
    public static final Option<Integer> PER_PROCESS = Option.of("per-process", ValueType.count()).byDefault(5000)
            .help("fanout: subscribers per load-client process");
    public static final Option<Boolean> PROFILE = Option.flag("profile")
            .help("fanout: record each server JVM with JFR (<dir>/fanout/<system>.jfr)");

    public static final Option<Integer> MATCH_EVENTS = Option.of("match-events", ValueType.count()).byDefault(120_000)
            .help("job: events of re-keyed recorded matches to pre-load");
    public static final Option<Integer> TABLE_EVENTS = Option.of("table-events", ValueType.count()).byDefault(80_000)
            .help("job: events of simulated tables to pre-load");
    public static final Option<Integer> WARM_UP_EVENTS = Option.of("warm-up-events", ValueType.count()).byDefault(40_000)
            .help("job: per kind, run through both jobs first and not measured (0: none)");
    public static final Option<Integer> PARALLELISM = Option.of("parallelism", ValueType.count()).byDefault(2)
            .help("job, play: of every job");
    public static final Option<String> CHECKPOINT_INTERVAL = Option.text("checkpoint-interval", "DURATION")
            .byDefault("5s").help("job, play: of every job");
    public static final Option<List<String>> KINDS = Option.of("kinds", ValueType.list(ValueType.oneOf("match", "table")))
            .byDefault(List.of("match", "table")).help("job: which jobs");

    public static final Option<Double> MEASURE_SECONDS = Option.of("measure-seconds", ValueType.decimal(0.1, 3600))
            .byDefault(5.0).help("scorer: measured time");
    public static final Option<Integer> CONCURRENT_MATCHES = Option.of("concurrent-matches", ValueType.count())
            .byDefault(400).help("scorer: matches folded side by side");

    public static final Option<Integer> BALLS_PER_SECOND = Option.of("balls-per-second", ValueType.count())
            .byDefault(200).help("e2e: paced rate over all matches");
    public static final Option<Integer> E2E_MATCHES = Option.of("e2e-matches", ValueType.count()).byDefault(200)
            .help("e2e: matches played side by side");
    public static final Option<Integer> E2E_SECONDS = Option.of("e2e-seconds", ValueType.count()).byDefault(60)
            .help("e2e: how long to play, warm-up included");
    public static final Option<Integer> E2E_WARM_UP_SECONDS = Option.of("e2e-warm-up-seconds", ValueType.count())
            .byDefault(20).help("e2e: the first seconds of play, not counted (a cold JVM compiling)");
    public static final Option<String> BATCH_INTERVAL = Option.text("batch-interval", "DURATION").byDefault("100ms")
            .help("e2e: the job's batch interval");

    public static final Option<List<Integer>> PLAY_RATES = Option.of("play-rates", ValueType.list(ValueType.count()))
            .byDefault(List.of(1000, 5000)).help("play: offered moves/s, one level each, in this order");
    public static final Option<Integer> PLAY_TABLES = Option.of("play-tables", ValueType.count()).byDefault(3000)
            .help("play: tables played at once (a table gives a few moves/s at most: the dealer pauses 3 s between hands)");
    public static final Option<Integer> PLAY_BOTS = Option.of("play-bots", ValueType.count()).byDefault(3)
            .help("play: bots seated at every table (2 to 6)");
    public static final Option<Integer> PLAY_TABLES_PER_CONNECTION = Option.of("play-tables-per-connection",
                    ValueType.count()).byDefault(20)
            .help("play: tables one bot connection plays a seat at");
    public static final Option<Integer> PLAY_SECONDS = Option.of("play-seconds", ValueType.count()).byDefault(30)
            .help("play: measured time per level");
    public static final Option<Integer> PLAY_WARM_UP_SECONDS = Option.of("play-warm-up-seconds", ValueType.count())
            .byDefault(20)
            .help("play: unmeasured time at each level's rate first (the bots take their seats before, at the fastest rate)");

    public static final Option<List<Integer>> BET_RATES = Option.of("bet-rates", ValueType.list(ValueType.count()))
            .byDefault(List.of(500, 1_000, 2_000)).help("bet: the bets/s offered at each level, in order");
    public static final Option<Integer> BET_CONNECTIONS = Option.of("bet-connections", ValueType.count()).byDefault(200)
            .help("bet: bettors, one WebSocket each");
    public static final Option<Integer> BET_SECONDS = Option.of("bet-seconds", ValueType.count()).byDefault(20)
            .help("bet: seconds measured at each level");
    public static final Option<Integer> BET_WARM_UP_SECONDS = Option.of("bet-warm-up-seconds", ValueType.count())
            .byDefault(10).help("bet: seconds at each level's rate before it is measured");

    public static final Option<List<Integer>> SHARD_GATEWAYS = Option.of("shard-gateways",
                    ValueType.list(ValueType.count())).byDefault(List.of(1, 4, 8))
            .help("shards: the fleets of gateways measured in turn; the first is the baseline");
    public static final Option<Integer> SHARD_PLAYERS = Option.of("shard-players", ValueType.count()).byDefault(2_000)
            .help("shards: players whose wallets change");
    public static final Option<Integer> SHARD_PARTITIONS = Option.of("shard-partitions", ValueType.count())
            .byDefault(24).help("shards: partitions of every topic, the private ones among them");
    public static final Option<Integer> SHARD_RATE = Option.of("shard-rate", ValueType.count()).byDefault(1_000)
            .help("shards: wallet credits a second, over all the players");
    public static final Option<String> SHARD_OBSERVE = Option.of("shard-observe", ValueType.hostPorts())
            .help("shards: instead of the fleets, read the private deltas a running system writes (at this Kafka) "
                    + "and report the model's inputs per player");
    public static final Option<Integer> SHARD_SECONDS = Option.of("shard-seconds", ValueType.count()).byDefault(15)
            .help("shards: seconds measured per fleet");

    public static final Options OPTIONS = Options.command("./scoreline bench", """
                    Runs the benchmarks and prints their results as markdown tables, every figure beside \\
                    the baseline measured in the same run. BENCHMARK is all (default), fanout (the gateway \\
                    against Mosquitto and the socket limit), job (the match and table jobs against a \\
                    pass-through job), scorer (the cricket scorer alone), e2e (a ball into Kafka, the job, \\
                    a gateway, a WebSocket client), play (bots playing tables through a gateway: their moves \\
                    against the verdicts and the other players' deltas), bet (bets through a gateway) or shards \\
                    (what each gateway of a fleet reads and holds of the private channels).""")
            .with(OUT, DIR, MATCHES, WARM_UP_SECONDS, SYSTEMS, SUBSCRIBERS, CHANNELS, OFFERED, MAX_OFFERED, SECONDS,
                    PAD, PER_PROCESS, PROFILE, MATCH_EVENTS, TABLE_EVENTS, WARM_UP_EVENTS, PARALLELISM,
                    CHECKPOINT_INTERVAL, KINDS, MEASURE_SECONDS, CONCURRENT_MATCHES, BALLS_PER_SECOND, E2E_MATCHES,
                    E2E_SECONDS, E2E_WARM_UP_SECONDS, BATCH_INTERVAL, PLAY_RATES, PLAY_TABLES, PLAY_BOTS, PLAY_TABLES_PER_CONNECTION,
                    PLAY_SECONDS, PLAY_WARM_UP_SECONDS, BET_RATES, BET_CONNECTIONS, BET_SECONDS, BET_WARM_UP_SECONDS,
                    SHARD_GATEWAYS, SHARD_PLAYERS, SHARD_PARTITIONS, SHARD_RATE, SHARD_SECONDS, SHARD_OBSERVE)
            .positional("BENCHMARK", "all, fanout, job, scorer, e2e, play, bet or shards");

    /** The recorded matches the benchmarks read. */
    public static Path matches(Parsed p) {
        return p.has(MATCHES) ? p.get(MATCHES) : Path.of(System.getProperty("scoreline.home", "."), "data", "cricsheet");
    }
}
