package dev.scoreline.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./scoreline cluster up|down|status|kill|start}: the distributed deployment as separate
 * processes on this machine.
 */
public final class ClusterCli {

    static final String USAGE = """
            Usage: ./scoreline cluster <up|down|status|kill NAME|start NAME> [--dir DIR]
              up [--base-port 19000] [--gateways 2] [job options]
                       three Kafka brokers (KRaft, replication factor 3, min.insync.replicas 2),
                       a Flink JobManager and two TaskManagers (Flink's own entry points, the
                       configuration derived from flink-conf/config.yaml), the gateways, and the
                       job jar submitted through Flink's REST API; a job that ran before resumes
                       from its latest checkpoint. Processes that already run are left alone.
              status   each process, its pid, its port and whether it answers
              down     stops every process (SIGTERM, then SIGKILL after 30 s); data stays in DIR
              kill NAME   kill -9 of one process (kafka-2, taskmanager-1, gateway-2, ...)
              start NAME  starts one process again
              --dir DIR   the state directory: pids, ports, data, checkpoints, one log per
                          process under DIR/logs (default .scoreline/cluster)
            Ports from the base: Kafka base+11..13, Flink REST base+31, gateways base+61..62.""";

    private ClusterCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Path dir = StateDir.DEFAULT;
        Integer basePort = null;
        Integer gateways = null;
        List<String> positional = new ArrayList<>();
        List<String> jobArgs = new ArrayList<>();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            for (int i = 0; i < rest.size(); i++) {
                String word = rest.get(i);
                switch (word) {
                    case "--dir" -> dir = Path.of(value(rest, ++i, word));
                    case "--base-port" -> basePort = number(value(rest, ++i, word), word);
                    case "--gateways" -> gateways = number(value(rest, ++i, word), word);
                    default -> {
                        if (word.startsWith("--") && command.equals("up")) {
                            jobArgs.add(word);
                            jobArgs.add(value(rest, ++i, word));
                        } else if (word.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + word);
                        } else {
                            positional.add(word);
                        }
                    }
                }
            }
            Installation installation = Installation.fromSystem();
            StateDir state = new StateDir(dir);
            return switch (command) {
                case "up" -> up(installation, state, basePort, gateways, jobArgs);
                case "down" -> down(Cluster.existing(installation, state));
                case "status" -> status(Cluster.existing(installation, state));
                case "kill" -> {
                    Cluster cluster = Cluster.existing(installation, state);
                    cluster.kill(only(positional, "kill"));
                    System.out.println("killed " + positional.get(0) + " (SIGKILL)");
                    yield 0;
                }
                case "start" -> {
                    Cluster cluster = Cluster.existing(installation, state);
                    cluster.start(only(positional, "start"));
                    System.out.println(positional.get(0) + " is up");
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown cluster command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("scoreline cluster: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            System.err.println("scoreline cluster " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static int up(Installation installation, StateDir state, Integer basePort, Integer gateways,
            List<String> jobArgs) {
        Layout layout = basePort == null && gateways == null ? null : new Layout(
                basePort == null ? Layout.DEFAULT_BASE_PORT : basePort, 3, 2, gateways == null ? 2 : gateways);
        Cluster cluster = Cluster.at(installation, state, layout);
        System.out.println("starting the cluster in " + state.root() + " (logs in " + state.root().resolve("logs") + ")");
        cluster.up(jobArgs);
        printStatus(cluster);
        System.out.println("job " + cluster.jobId().orElse("?") + " runs; Flink's REST API and web UI: "
                + cluster.layout().restUrl() + "; Kafka: " + cluster.bootstrapServers());
        return 0;
    }

    private static int down(Cluster cluster) {
        List<String> stopped = cluster.down();
        System.out.println(stopped.isEmpty() ? "nothing was running" : "stopped " + String.join(", ", stopped));
        return 0;
    }

    private static int status(Cluster cluster) {
        boolean all = printStatus(cluster);
        cluster.jobId().ifPresent(id -> {
            String state;
            try {
                state = cluster.flink().answers() ? cluster.flink().jobState(id) : "unknown (no JobManager)";
            } catch (IllegalStateException e) {
                state = "unknown (" + e.getMessage() + ")";
            }
            System.out.println("job " + id + ": " + state);
        });
        return all ? 0 : 3;
    }

    private static boolean printStatus(Cluster cluster) {
        System.out.printf("%-14s %-8s %-6s %-6s %s%n", "PROCESS", "PID", "PORT", "ALIVE", "ANSWERS");
        boolean all = true;
        for (MemberStatus s : cluster.status()) {
            System.out.printf("%-14s %-8s %-6d %-6s %s%n", s.member().name(),
                    s.record() == null ? "-" : Long.toString(s.record().pid()), s.member().port(),
                    s.alive() ? "yes" : "no", s.answers() ? "yes" : "no");
            all &= s.answers();
        }
        return all;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static String only(List<String> positional, String command) {
        if (positional.size() != 1) {
            throw new IllegalArgumentException(command + " takes one process name");
        }
        return positional.get(0);
    }
}
