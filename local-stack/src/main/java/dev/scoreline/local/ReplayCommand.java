package dev.scoreline.local;

import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;

/** {@code ./scoreline replay}: recorded matches into {@code match-events}. */
final class ReplayCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: ./scoreline replay --bootstrap HOST:PORT [--speed X] [--topic match-events] FILE.json...
                  Publishes Cricsheet records as match events, all matches side by side, at X times the
                  real pace (a ball every 40 s at X=1; default 30; 0 = as fast as possible).""";
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, Set.of("bootstrap", "speed", "topic"), Set.of());
        String bootstrap = args.required("bootstrap");
        double speed = args.decimal("speed", 30, 0, 1_000_000);
        String topic = args.text("topic", Topic.MATCH_EVENTS.defaultName());
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("name at least one Cricsheet JSON file");
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
