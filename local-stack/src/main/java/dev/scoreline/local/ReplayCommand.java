package dev.scoreline.local;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import dev.scoreline.cli.ValueType;
import dev.scoreline.job.JobOptions;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;

/** {@code ./scoreline replay}: recorded matches into {@code match-events}. */
final class ReplayCommand implements Command {

    static final Option<Double> SPEED = Option.of("speed", ValueType.decimal(0, 1_000_000)).byDefault(30.0)
            .help("times the real pace: a ball every 40 s at 1; 0 = as fast as possible");
    static final Option<String> TOPIC = Option.text("topic", "NAME").byDefault(Topic.MATCH_EVENTS.defaultName())
            .help("where the match events go");

    static final Options OPTIONS = Options.command("./scoreline replay",
                    "Publishes Cricsheet records as match events, all matches side by side.")
            .with(JobOptions.BOOTSTRAP, SPEED, TOPIC)
            .positional("FILE.json", "recorded matches (Cricsheet JSON)");

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Parsed args = OPTIONS.parse(arguments);
        String bootstrap = args.get(JobOptions.BOOTSTRAP);
        double speed = args.get(SPEED);
        String topic = args.get(TOPIC);
        if (args.positional().isEmpty()) {
            throw new UsageException("name at least one Cricsheet JSON file");
        }
        List<List<MatchEvent>> matches = new ArrayList<>();
        for (String name : args.positional()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(name + ": no such file");
            }
            matches.add(CricsheetConverter.convert(file));
        }
        MatchReplay replay = new MatchReplay(matches);
        System.out.printf("Replaying %d matches (%d events) into %s at %s, about %s.%n", matches.size(),
                replay.events(), topic, speed == 0 ? "full speed" : speed + "x", replay.length(speed));
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        try (Producer<String, String> producer = Producers.feed(bootstrap, "scoreline-replay")) {
            int sent = replay.run(producer, topic, speed, n -> { }, stop::get);
            System.out.printf("Sent %d of %d events.%n", sent, replay.events());
        }
        return 0;
    }
}
