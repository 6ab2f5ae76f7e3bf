package dev.scoreline.bench.e2e;

import dev.scoreline.bench.Opts;
import dev.scoreline.bench.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

public final class EndToEndBench {
    public static final String USAGE = "";
    public EndToEndBench(Opts o, Path work, Consumer<String> log) {}
    public record Result(String markdown, List<Target> targets) {}
    public Result run() { return new Result("", List.of()); }
}
