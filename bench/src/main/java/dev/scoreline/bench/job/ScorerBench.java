package dev.scoreline.bench.job;

import dev.scoreline.bench.Opts;
import dev.scoreline.bench.Table;
import java.util.function.Consumer;

public final class ScorerBench {
    public ScorerBench(Opts o, Consumer<String> log) {}
    public Table run() { return new Table("scorer", "x"); }
}
