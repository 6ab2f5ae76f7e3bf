package dev.scoreline.local;

import dev.scoreline.json.Json;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code ./scoreline score}: the job's scoring code, folded over recorded matches, one JSON line each. */
final class ScoreCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: ./scoreline score FILE.json...
                  Converts each Cricsheet record to match events (only what a live feed knows: never the
                  winner or margin), folds them through the scorer the job uses, and prints the final match
                  state as one JSON line per file.""";
    }

    @Override
    public int run(String[] arguments) {
        List<String> files = Args.parse(arguments, Set.of(), Set.of()).positional();
        if (files.isEmpty()) {
            throw new Args.UsageException("name at least one Cricsheet JSON file");
        }
        int failed = 0;
        for (String name : files) {
            Path file = Path.of(name);
            try {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no such file");
                }
                System.out.println(Json.string(MatchView.of(Scorer.fold(CricsheetConverter.convert(file)))));
            } catch (RuntimeException e) {
                System.err.println(name + ": " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
