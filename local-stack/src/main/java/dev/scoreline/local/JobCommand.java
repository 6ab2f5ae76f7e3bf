package dev.scoreline.local;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./scoreline job}: the Flink job on a MiniCluster in this JVM against an existing Kafka. */
final class JobCommand implements Command {

    static final Option<Path> DIR = Option.of("dir", ValueType.path("DIR")).byDefault(Path.of(".scoreline/job"))
            .help("where the checkpoints go");
    static final Option<Boolean> FRESH = Option.flag("fresh")
            .help("start afresh instead of from the newest checkpoint in DIR");

    static final Options OPTIONS = Options.command("./scoreline job", """
                    The Flink job on a local MiniCluster (RocksDB, checkpoints in DIR). It resumes from the \
                    newest checkpoint in DIR unless --fresh. Stop it with Ctrl-C; the checkpoints stay for \
                    the next run.""")
            .with(DIR, FRESH).with(JobOptions.ALL).footer(JobOptions.DURATIONS);

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Parsed args = OPTIONS.parse(arguments);
        boolean fresh = args.get(FRESH);
        JobOptions options = JobOptions.of(args);
        Path work = args.get(DIR).toAbsolutePath();
        boolean resuming = !fresh && LocalJob.latestCheckpoint(work.resolve("checkpoints")).isPresent();
        LocalJob job = LocalJob.start(options, work, !fresh);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                job.close();
            } catch (Exception e) {
                System.err.println("scoreline job: stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "job-shutdown"));
        System.out.printf("The job %s is %s against %s (checkpoints in %s, Flink REST API at %s); Ctrl-C stops it.%n",
                job.jobId(), resuming ? "resumed from its last checkpoint" : "running fresh",
                options.bootstrapServers(), job.checkpoints(), job.cluster().getRestAddress().get());
        stopped.await();
        return 0;
    }
}
