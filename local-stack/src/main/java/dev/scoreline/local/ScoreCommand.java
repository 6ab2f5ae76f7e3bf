package dev.scoreline.local;

import dev.scoreline.cli.Options;
import dev.scoreline.cli.UsageException;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./scoreline score}: the job's scoring code, folded over recorded matches, one JSON line
 * each. One bad match never hides the others: an event the scorer refuses is reported and left out
 * (as the job dead-letters it), and the match's state is printed all the same.
 */
final class ScoreCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    ScoreCommand() {
        this(System.out, System.err);
    }

    ScoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final Options OPTIONS = Options.command("./scoreline score", """
            Converts each Cricsheet record (every *.json of a folder, in name order) to the events a \
            live feed sends, folds them through the scorer the job uses, and prints each match's \
            final state as one JSON line. An event the scorer refuses is reported on standard error \
            with the match and the reason and left out, as the job does; a file that is no record \
            is reported and skipped. The exit status is 1 when anything was refused, else 0.""")
            .positional("FILE.json|DIR", "recorded matches, or folders of them");

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(String[] arguments) {
        List<String> names = OPTIONS.parse(arguments).positional();
        if (names.isEmpty()) {
            throw new UsageException("name at least one Cricsheet JSON file or folder");
        }
        int refused = 0;
        for (String name : names) {
            for (Path file : records(Path.of(name))) {
                refused += score(file);
            }
        }
        return refused == 0 ? 0 : 1;
    }

    /** The records a name stands for: the file itself, or a folder's *.json in name order. */
    private List<Path> records(Path name) {
        if (!Files.isDirectory(name)) {
            return List.of(name);
        }
        try (Stream<Path> files = Files.list(name)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + name, e);
        }
    }

    /** Prints the match's state; returns how many refusals it reported. */
    private int score(Path file) {
        List<MatchEvent> events;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file");
            }
            events = CricsheetConverter.convert(file);
        } catch (RuntimeException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        List<String> refusals = new ArrayList<>();
        MatchState state = Scorer.foldAccepting(events, refused -> refusals.add(refused.getMessage()));
        refusals.forEach(reason -> err.println(file + ": " + reason));
        if (state != null) {
            out.println(Json.string(MatchView.of(state)));
        }
        return refusals.size();
    }
}
