package dev.scoreline.local;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.job.JobOptions;
import dev.scoreline.json.Json;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.Books;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./scoreline books}: the conservation check of the game's economy. Reads the latest view of
 * every wallet and every table from the snapshots and the deltas after them, as a gateway does,
 * and compares every chip held (balances, reservations, stacks, pots, the house) with every chip
 * credited less every chip debited. Chips on their way between a wallet and a table are counted
 * on one side only for a moment, so it reads on until the books balance or {@code --wait} is up.
 * Exit code 0 when they balance, 1 when they do not (docs/operations.md says what to do then).
 */
final class BooksCommand implements Command {

    static final Option<Duration> WAIT = Option.of("wait", ValueType.duration(ChronoUnit.SECONDS))
            .byDefault(Duration.ofSeconds(60)).help("how long to read on while the books do not balance yet");

    static final Options OPTIONS = Options.command("./scoreline books",
                    "Checks that every chip in the game is where the books say: wallets, reservations, stacks, pots, "
                            + "stakes in betting markets and the house against credits less debits.")
            .with(JobOptions.BOOTSTRAP, JobOptions.SNAPSHOTS_TOPIC, JobOptions.DELTAS_TOPIC,
                    JobOptions.PRIVATE_SNAPSHOTS_TOPIC, JobOptions.PRIVATE_DELTAS_TOPIC, WAIT)
            .footer("Exit code 0 when the books balance, 1 when they do not within --wait.");

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(String[] arguments) {
        Parsed args = OPTIONS.parse(arguments);
        Books.Totals totals = check(args.get(JobOptions.BOOTSTRAP),
                List.of(args.get(JobOptions.SNAPSHOTS_TOPIC), args.get(JobOptions.PRIVATE_SNAPSHOTS_TOPIC)),
                List.of(args.get(JobOptions.DELTAS_TOPIC), args.get(JobOptions.PRIVATE_DELTAS_TOPIC)), args.get(WAIT));
        print(totals, System.out);
        return totals.balanced() ? 0 : 1;
    }

    /** {@link #check(String, List, List, Duration)} on the topics of their default names. */
    static Books.Totals check(String bootstrap, Duration wait) {
        return check(bootstrap, List.of(Topic.STATE_SNAPSHOTS.defaultName(), Topic.PRIVATE_SNAPSHOTS.defaultName()),
                List.of(Topic.STATE_DELTAS.defaultName(), Topic.PRIVATE_DELTAS.defaultName()), wait);
    }

    /**
     * Reads the topics (the public ones for tables and matches, the private ones for wallets) until
     * the books balance or {@code wait} is up; the last totals either way.
     */
    static Books.Totals check(String bootstrap, List<String> snapshotTopics, List<String> deltaTopics, Duration wait) {
        Instant until = Instant.now().plus(wait);
        Books.Totals totals;
        do {
            Books books = new Books();
            snapshotTopics.forEach(topic -> read(bootstrap, topic, value -> books.snapshot(Json.read(value, Snapshot.class))));
            deltaTopics.forEach(topic -> read(bootstrap, topic, value -> books.delta(Json.read(value, Delta.class))));
            totals = books.totals();
            if (totals.balanced()) {
                return totals;
            }
            sleep(Duration.ofSeconds(1));
        } while (Instant.now().isBefore(until));
        return totals;
    }

    /** Every record the topic holds now, in order per partition. */
    private static void read(String bootstrap, String topic, java.util.function.Consumer<byte[]> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        each.accept(r.value());
                    }
                }
            }
        }
    }

    static void print(Books.Totals t, PrintStream out) {
        out.printf("%-34s %,16d%n", "wallets: balances (" + t.wallets() + ")", t.balances());
        out.printf("%-34s %,16d%n", "wallets: reserved (seats, bets)", t.reserved());
        out.printf("%-34s %,16d%n", "tables: stacks (" + t.tables() + ")", t.stacks());
        out.printf("%-34s %,16d%n", "tables: pots", t.pots());
        out.printf("%-34s %,16d%n", "matches: stakes (" + t.matches() + ")", t.staked());
        out.printf("%-34s %,16d%n", "the house", t.house());
        out.printf("%-34s %,16d%n", "held", t.held());
        out.printf("%-34s %,16d%n", "credited - debited", t.issued());
        if (t.tablesWithoutWallets() > 0) {
            out.printf("(%d tables play without wallets: their chips are not in the books)%n", t.tablesWithoutWallets());
        }
        t.negative().forEach((channel, balance) -> out.printf(
                "%s owes %,d: a correction took back a payout already spent%n", channel, -balance));
        out.println(t.balanced() ? "The books balance."
                : "THE BOOKS DO NOT BALANCE by " + (t.held() - t.issued()) + " chips: see docs/operations.md, "
                        + "\"When the books do not balance\".");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
