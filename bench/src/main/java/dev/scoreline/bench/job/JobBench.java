package dev.scoreline.bench.job;

import dev.scoreline.bench.Opts;
import dev.scoreline.bench.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

public final class JobBench {
    public static final String USAGE = "";
    public JobBench(Opts o, Path work, Consumer<String> log) {}
    public record Result(String markdown, List<Target> targets) {}
    public Result run() { return new Result("", List.of()); }
}
