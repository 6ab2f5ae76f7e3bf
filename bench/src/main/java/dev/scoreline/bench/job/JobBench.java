package dev.scoreline.bench.job;

import static dev.scoreline.bench.MarkdownTable.bytes;
import static dev.scoreline.bench.MarkdownTable.num;
import static dev.scoreline.bench.MarkdownTable.ratio;

import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.bench.Target;
import dev.scoreline.bench.ThreadCpu;
import dev.scoreline.cli.Parsed;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.flink.util.TimeUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The job's throughput: the match job and the table job, each on a MiniCluster with RocksDB and
 * checkpoints (via {@link LocalJob}), against a stateless pass-through of the same topic on the
 * same kind of MiniCluster, over the same Kafka, in the same run. The input topics are loaded
 * first; each job then reads from the earliest offset, and its rate is the input's events over the
 * time from the job's start until its last output record was appended.
 */
public final class JobBench {

    /** The share of each output left out of the steady rates: the job's start and its JIT compilation. */
    static final double WARM_UP = 0.25;

    public record Run(String kind, long events, double passThroughRate, double jobRate,
            double passThroughSteadyRate, double jobSteadyRate, long outputs,
            Checkpoints passThroughCheckpoints, Checkpoints jobCheckpoints, Cpu passThroughCpu, Cpu jobCpu) {}

    /**
     * Processor time per input event, in µs: the whole JVM's (the broker, the MiniCluster and the
     * job), the keyed state task's threads ({@code <kind>-state}) and, for matches, the ticker's
     * ({@code ticker-state}, which takes a line from every ball).
     */
    public record Cpu(double process, double state, double ticker) {

        static Cpu of(ThreadCpu cpu, String kind, long events) {
            return new Cpu(micros(cpu.processNanos(), events),
                    micros(cpu.cpuNanos(name -> name.startsWith(kind + "-state ")), events),
                    micros(cpu.cpuNanos(name -> name.startsWith("ticker-state ")), events));
        }

        private static double micros(long nanos, long events) {
            return nanos / 1_000.0 / events;
        }
    }

    public record Result(List<Run> runs, String markdown, List<Target> targets) {}

    private final Parsed opts;
    private final Path work;
    private final Consumer<String> log;

    public JobBench(Parsed opts, Path work, Consumer<String> log) {
        this.opts = opts;
        this.work = work;
        this.log = log;
    }

    public Result run() throws Exception {
        int matchEvents = opts.get(BenchOptions.MATCH_EVENTS);
        int tableEvents = opts.get(BenchOptions.TABLE_EVENTS);
        int warmUpEvents = opts.get(BenchOptions.WARM_UP_EVENTS);
        int parallelism = opts.get(BenchOptions.PARALLELISM);
        String interval = opts.get(BenchOptions.CHECKPOINT_INTERVAL);
        List<Run> runs = new ArrayList<>();
        try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"))) {
            log.accept("preparing inputs...");
            List<List<MatchEvent>> recorded = Inputs.recorded(BenchOptions.matches(opts));
            for (String kind : opts.get(BenchOptions.KINDS)) {
                if (warmUpEvents > 0) {
                    // The same JVM compiles Kafka's, Flink's and the job's code while the first
                    // records go through: a first, unmeasured round lets the measured one run warm.
                    List<Inputs.Keyed> warm = kind.equals("match")
                            ? Inputs.interleave(Inputs.matches(recorded, warmUpEvents, "wm"))
                            : Inputs.tables(warmUpEvents, Math.max(1, warmUpEvents / 400), 11);
                    Run w = measure(kafka, "warm", kind, warm, parallelism, interval);
                    log.accept(String.format("warm-up (not reported): %s job %,.0f events/s, pass-through %,.0f",
                            kind, w.jobRate(), w.passThroughRate()));
                }
                List<Inputs.Keyed> events = kind.equals("match")
                        ? Inputs.interleave(Inputs.matches(recorded, matchEvents, "bm"))
                        : Inputs.tables(tableEvents, Math.max(1, tableEvents / 400), 7);
                runs.add(measure(kafka, "bench", kind, events, parallelism, interval));
            }
        }
        return new Result(runs, markdown(runs, parallelism, interval, warmUpEvents), targets(runs));
    }

    /** Loads {@code events} into a topic of their own, then runs the pass-through and the job over it. */
    private Run measure(InProcessKafka kafka, String round, String kind, List<Inputs.Keyed> events, int parallelism,
            String interval) throws Exception {
        String input = round + "-" + kind + "-events";
        String copy = round + "-" + kind + "-copy";
        List<String> outputs = outputs(round, kind);
        kafka.createTopic(input, parallelism, Topic.MATCH_EVENTS.config());
        for (String out : outputs) {
            Map<String, String> config = new HashMap<>(Topic.STATE_DELTAS.config());
            config.put("message.timestamp.type", "LogAppendTime");
            kafka.createTopic(out, parallelism, config);
        }
        kafka.createTopic(copy, parallelism, Map.of("message.timestamp.type", "LogAppendTime"));
        load(kafka.bootstrapServers(), input, events);
        log.accept("loaded " + events.size() + " " + kind + " events into " + input);

        long n = events.size();
        double ptRate;
        double ptSteady;
        Checkpoints ptCheckpoints;
        Cpu ptCpu;
        ThreadCpu ptThreads = new ThreadCpu();
        try (PassThroughJob pt = PassThroughJob.start(kafka.bootstrapServers(), input, copy,
                parallelism, TimeUtils.parseDuration(interval), work.resolve(round + "-pass-through-" + kind));
                TopicWatch watch = new TopicWatch(kafka.bootstrapServers(), List.of(copy))) {
            pt.awaitRunning(Duration.ofMinutes(1));
            long start = System.currentTimeMillis();
            if (!watch.await(() -> watch.count(copy) >= n, Duration.ofSeconds(1), Duration.ofMinutes(10))) {
                throw new IllegalStateException("the pass-through did not copy every " + kind + " event");
            }
            ptRate = n / ((watch.lastWrittenMillis() - start) / 1000.0);
            ptSteady = watch.rateAfter(copy, WARM_UP);
            ptCheckpoints = Checkpoints.of(pt.cluster(), pt.jobId());
            ptCpu = Cpu.of(ptThreads, kind, n);
        }
        log.accept(String.format("pass-through of %d %s events: %,.0f events/s", n, kind, ptRate));
        double jobRate;
        double jobSteady;
        long written;
        Checkpoints jobCheckpoints;
        Cpu jobCpu;
        ThreadCpu jobThreads = new ThreadCpu();
        String changelog = outputs.get(2);
        String dead = outputs.get(3);
        String ticker = outputs.get(4);
        try (LocalJob job = LocalJob.start(options(kafka.bootstrapServers(), round, kind, input, parallelism, interval),
                work.resolve(round + "-job-" + kind), false);
                TopicWatch watch = new TopicWatch(kafka.bootstrapServers(), outputs)) {
            job.awaitRunning(Duration.ofMinutes(1));
            long start = System.currentTimeMillis();
            // The ticker runs with the matches: its change log entries, one per line the matches
            // wrote, are there too, and the job is done once it has taken every line.
            if (!watch.await(() -> watch.count(changelog) + watch.count(dead) >= n + watch.count(ticker),
                    Duration.ofMillis(1500),
                    Duration.ofMinutes(20))) {
                throw new IllegalStateException("the " + kind + " job did not take every event");
            }
            jobRate = n / ((watch.lastWrittenMillis() - start) / 1000.0);
            // the rate is of the kind's own events: the ticker's change-log entries (one per match line)
            // are the job's work too, but no input event of this kind, and would inflate it
            double changelogRecords = watch.count(changelog);
            jobSteady = watch.rateAfter(changelog, WARM_UP) * (changelogRecords - watch.count(ticker)) / changelogRecords;
            written = watch.countAll();
            if (watch.count(dead) > 0) {
                log.accept("note: " + watch.count(dead) + " dead letters from the " + kind + " job");
            }
            jobCheckpoints = Checkpoints.of(job.cluster(), job.jobId());
            jobCpu = Cpu.of(jobThreads, kind, n);
        }
        log.accept(String.format("%s job on %d events: %,.0f events/s (%,.0f after the first quarter; "
                + "pass-through %,.0f)", kind, n, jobRate, jobSteady, ptSteady));
        return new Run(kind, n, ptRate, jobRate, ptSteady, jobSteady, written, ptCheckpoints, jobCheckpoints, ptCpu,
                jobCpu);
    }

    /**
     * Deltas, snapshots, change log, dead letters, the ticker's lines, the wallets' events (which run
     * beside the tables and stay quiet here: the simulated tables play without wallets), in that order.
     */
    private static List<String> outputs(String round, String kind) {
        return List.of(round + "-" + kind + "-deltas", round + "-" + kind + "-snapshots",
                round + "-" + kind + "-changelog", round + "-" + kind + "-dead-letters", round + "-" + kind + "-ticker",
                round + "-" + kind + "-wallets", round + "-" + kind + "-private-deltas",
                round + "-" + kind + "-private-snapshots");
    }

    private static JobOptions options(String bootstrap, String round, String kind, String input, int parallelism,
            String interval) {
        List<String> outputs = outputs(round, kind);
        return JobOptions.parse("--bootstrap", bootstrap, "--group-id", round + "-" + kind, "--entities", kind,
                "--" + kind + "-topic", input,
                "--deltas-topic", outputs.get(0), "--snapshots-topic", outputs.get(1),
                "--changelog-topic", outputs.get(2), "--dead-letters-topic", outputs.get(3),
                "--ticker-topic", outputs.get(4), "--wallet-topic", outputs.get(5),
                "--private-deltas-topic", outputs.get(6), "--private-snapshots-topic", outputs.get(7),
                "--starting-offsets", "earliest", "--parallelism", Integer.toString(parallelism),
                "--checkpoint-interval", interval);
    }

    static void load(String bootstrap, String topic, List<Inputs.Keyed> events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (Inputs.Keyed e : events) {
                producer.send(new ProducerRecord<>(topic, e.key(), e.value()));
            }
            producer.flush();
        }
    }

    private static String markdown(List<Run> runs, int parallelism, String interval, int warmUpEvents) {
        MarkdownTable t = new MarkdownTable(
                "Stream job: events per second against a pass-through, same topic, same MiniCluster set-up",
                "job", "input events", "pass-through events/s", "job events/s", "job/pass-through",
                "after the first quarter: pass-through / job events/s", "job/pass-through after the first quarter",
                "records written", "checkpoints", "checkpoint avg / max ms", "last checkpoint: state / incremental",
                "pass-through checkpoint avg ms", "CPU µs per event: pass-through / job JVM",
                "keyed state task CPU µs per event", "ticker task CPU µs per event");
        for (Run r : runs) {
            t.row(r.kind(), r.events(), num(r.passThroughRate(), 0), num(r.jobRate(), 0),
                    ratio(r.jobRate(), r.passThroughRate()),
                    num(r.passThroughSteadyRate(), 0) + " / " + num(r.jobSteadyRate(), 0),
                    ratio(r.jobSteadyRate(), r.passThroughSteadyRate()),
                    r.outputs(), r.jobCheckpoints().completed(),
                    num(r.jobCheckpoints().avgDurationMs(), 0) + " / "
                            + num(r.jobCheckpoints().maxDurationMs(), 0),
                    bytes(r.jobCheckpoints().stateSize()) + " / "
                            + bytes(r.jobCheckpoints().checkpointedSize()),
                    num(r.passThroughCheckpoints().avgDurationMs(), 0),
                    num(r.passThroughCpu().process(), 1) + " / " + num(r.jobCpu().process(), 1),
                    num(r.jobCpu().state(), 1), r.kind().equals("match") ? num(r.jobCpu().ticker(), 1) : "-");
        }
        t.note("Parallelism " + parallelism + ", flink-conf/config.yaml's state backend (RocksDB behind Flink's changelog), checkpoints every " + interval
                + ", at-least-once sinks; each job reads its pre-loaded topic from the earliest offset; rate = input "
                + "events / (append time of its last output record - the moment the job was running); \"after the "
                + "first quarter\" counts from the append time of the output record a quarter of the way through "
                + "(the change log for the job, the copy for the pass-through) to the last. "
                + (warmUpEvents > 0 ? "Each kind first runs an unmeasured round of " + warmUpEvents
                        + " other events through both jobs in the same JVM (JIT compilation). " : "")
                + "The match input is copies of the recorded matches under new match and event ids, interleaved; "
                + "the table input is simulated tables (TableSimulator). Checkpoint figures from the MiniCluster's "
                + "REST API (/jobs/<id>/checkpoints). CPU per event: processor time over the job's run (thread "
                + "CPU time from the JVM), divided by the input events; the JVM's includes the Kafka broker.");
        return t.markdown();
    }

    private static List<Target> targets(List<Run> runs) {
        List<Target> out = new ArrayList<>();
        for (Run r : runs) {
            double ratio = r.jobRate() / r.passThroughRate();
            out.add(new Target(r.kind() + " job >= 25% of the pass-through's events/s",
                    num(r.jobRate(), 0) + " vs " + num(r.passThroughRate(), 0) + " events/s = "
                            + num(100 * ratio, 0) + "% (50%: " + num(100 * ratio / 0.5, 0) + "% of the way)",
                    ratio >= 0.25, num(Math.abs(100 * ratio - 25), 0) + " points " + (ratio >= 0.25 ? "over" : "short")));
            out.add(new Target(r.kind() + " keyed state task <= 20 µs CPU per event",
                    num(r.jobCpu().state(), 1) + " µs", r.jobCpu().state() <= 20,
                    num(Math.abs(r.jobCpu().state() - 20), 1) + " µs " + (r.jobCpu().state() <= 20 ? "under" : "over")));
        }
        return out;
    }
}
