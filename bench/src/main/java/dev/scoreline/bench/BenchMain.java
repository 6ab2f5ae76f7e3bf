package dev.scoreline.bench;

import static dev.scoreline.bench.MarkdownTable.num;

import dev.scoreline.bench.fanout.FanoutBench;
import dev.scoreline.bench.fanout.FanoutReport;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code ./scoreline bench [fanout|job|e2e|scorer|play|bet|shards|all] [options]}: runs the benchmarks and prints
 * their results as markdown tables, every figure beside the baseline measured in the same run.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println("scoreline bench: " + e.getMessage());
            System.err.println("(--help lists the options)");
            System.exit(2);
        } catch (Exception e) {
            System.err.println("scoreline bench: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        Parsed o = BenchOptions.OPTIONS.parse(args);
        if (o.helpRequested() || o.positional().contains("help")) {
            System.out.println(BenchOptions.OPTIONS.help());
            return 0;
        }
        String which = o.positional().isEmpty() ? "all" : o.positional().get(0);
        if (!List.of("all", "fanout", "job", "scorer", "e2e", "play", "bet", "shards").contains(which)
                || o.positional().size() > 1) {
            throw new UsageException("unknown benchmark '" + String.join(" ", o.positional())
                    + "': all, fanout, job, scorer, e2e, play, bet or shards");
        }
        Path work = o.get(BenchOptions.DIR).toAbsolutePath();
        wipe(work);
        Consumer<String> log = line -> System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);

        StringBuilder report = new StringBuilder();
        report.append("Command: `./scoreline bench ").append(String.join(" ", args)).append("`  \n");
        report.append("Machine: ").append(Machine.describe()).append("  \n");
        report.append("Date: ").append(Machine.now()).append("; load average at start ")
                .append(num(Machine.load(), 2)).append("\n\n");
        List<Target> targets = new ArrayList<>();
        if (which.equals("all") || which.equals("scorer")) {
            report.append(new dev.scoreline.bench.job.ScorerBench(o, log).run().markdown()).append('\n');
        }
        if (which.equals("all") || which.equals("job")) {
            dev.scoreline.bench.job.JobBench.Result r =
                    new dev.scoreline.bench.job.JobBench(o, work.resolve("job"), log).run();
            report.append(r.markdown()).append('\n');
            targets.addAll(r.targets());
        }
        if (which.equals("all") || which.equals("e2e")) {
            dev.scoreline.bench.e2e.EndToEndBench.Result r =
                    new dev.scoreline.bench.e2e.EndToEndBench(o, work.resolve("e2e"), log).run();
            report.append(r.markdown()).append('\n');
            targets.addAll(r.targets());
        }
        if (which.equals("all") || which.equals("play")) {
            dev.scoreline.bench.play.PlayBench.Result r =
                    new dev.scoreline.bench.play.PlayBench(o, work.resolve("play"), log).run();
            report.append(r.markdown()).append('\n');
            targets.addAll(r.targets());
        }
        if (which.equals("all") || which.equals("bet")) {
            dev.scoreline.bench.bet.BetBench.Result r =
                    new dev.scoreline.bench.bet.BetBench(o, work.resolve("bet"), log).run();
            report.append(r.markdown()).append('\n');
            targets.addAll(r.targets());
        }
        if (which.equals("all") || which.equals("shards")) {
            dev.scoreline.bench.shards.ShardBench.Result r =
                    new dev.scoreline.bench.shards.ShardBench(o, work.resolve("shards"), log).run();
            report.append(r.markdown()).append('\n');
            targets.addAll(r.targets());
        }
        if (which.equals("all") || which.equals("fanout")) {
            FanoutBench.Result r = new FanoutBench(o, work.resolve("fanout"), log).run();
            FanoutReport fr = new FanoutReport(r);
            report.append(fr.markdown()).append('\n');
            targets.addAll(fr.targets());
        }
        if (!targets.isEmpty()) {
            MarkdownTable t = new MarkdownTable("Targets", "target", "measured", "met", "by");
            for (Target target : targets) {
                t.row(target.name(), target.measured(), target.met() ? "yes" : "no", target.margin());
            }
            report.append(t.markdown());
        }
        report.append("\nLoad average at the end: ").append(num(Machine.load(), 2)).append('\n');
        System.out.println(report);
        if (o.has(BenchOptions.OUT)) {
            Path out = o.get(BenchOptions.OUT);
            Files.writeString(out, "# Benchmark results\n\n" + report);
            log.accept("written to " + out);
        }
        return 0;
    }

    private static void wipe(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
