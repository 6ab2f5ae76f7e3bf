package dev.scoreline.local;

import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./scoreline job}: the Flink job on a MiniCluster in this JVM against an existing Kafka. */
final class JobCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: ./scoreline job --bootstrap HOST:PORT [--dir DIR] [--fresh] [job options]
                  The Flink job on a local MiniCluster (RocksDB, checkpoints in DIR, default
                  .scoreline/job). It resumes from the newest checkpoint in DIR unless --fresh.
                  Stop it with Ctrl-C; the checkpoints stay for the next run.

                """ + JobOptions.USAGE;
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Path dir = Path.of(".scoreline/job");
        boolean fresh = false;
        List<String> jobArgs = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--dir" -> {
                    if (i + 1 >= arguments.length) {
                        throw new Args.UsageException("--dir needs a value");
                    }
                    dir = Path.of(arguments[++i]);
                }
                case "--fresh" -> fresh = true;
                default -> jobArgs.add(arguments[i]);
            }
        }
        JobOptions options;
        try {
            options = JobOptions.parse(jobArgs.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage().lines().findFirst().orElse(e.getMessage()));
        }
        Path work = dir.toAbsolutePath();
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
