package dev.scoreline.local;

import dev.scoreline.cli.UsageException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The Java side of {@code ./scoreline}: the script builds, then hands its arguments here. */
public final class ScorelineCli {

    private ScorelineCli() {}

    static Map<String, Command> commands() {
        Map<String, Command> commands = new TreeMap<>();
        commands.put("kafka", new KafkaCommand());
        commands.put("books", new BooksCommand());
        commands.put("demo", new DemoCommand());
        commands.put("gateway", new GatewayCommand());
        commands.put("job", new JobCommand());
        commands.put("replay", new ReplayCommand());
        commands.put("score", new ScoreCommand());
        return commands;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("scoreline: name a command; ./scoreline help lists them");
            return 2;
        }
        Command command = commands().get(args[0]);
        if (command == null) {
            System.err.println("scoreline: '" + args[0] + "' is not yet available in this build");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (command.options().parse(rest).helpRequested()) {
                System.out.println(command.options().help());
                return 0;
            }
            return command.run(rest);
        } catch (UsageException e) {
            System.err.println("scoreline " + args[0] + ": " + e.getMessage());
            System.err.println(command.options().help());
            return 2;
        } catch (Exception e) {
            System.err.println("scoreline " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }
}
