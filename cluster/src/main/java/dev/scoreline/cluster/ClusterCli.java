package dev.scoreline.cluster;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import dev.scoreline.cli.ValueType;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./scoreline cluster up|down|status|kill|start}: the distributed deployment as separate
 * processes on this machine.
 */
public final class ClusterCli {

    static final Option<Path> DIR = Option.of("dir", ValueType.path("DIR")).byDefault(StateDir.DEFAULT)
            .help("the state directory: pids, ports, data, checkpoints, one log per process under DIR/logs");
    static final Option<Integer> BASE_PORT = Option.of("base-port", ValueType.integer())
            .byDefault(Layout.DEFAULT_BASE_PORT)
            .help("up: ports from the base: Kafka base+11..13, Flink REST base+31, gateways base+61..62");
    static final Option<Integer> GATEWAYS = Option.of("gateways", ValueType.integer()).byDefault(2)
            .help("up: how many gateways");

    static final Options OPTIONS = Options.command("./scoreline cluster", """
                    The distributed deployment as separate processes on this machine.
                    up: three Kafka brokers (KRaft, replication factor 3, min.insync.replicas 2), a Flink \
                    JobManager and two TaskManagers (Flink's own entry points, the configuration derived from \
                    flink-conf/config.yaml), the gateways, and the job jar submitted through Flink's REST API \
                    with the job options given; a job that ran before resumes from its latest checkpoint. \
                    Processes that already run are left alone.
                    status: each process, its pid, its port and whether it answers.
                    down: stops every process (SIGTERM, then SIGKILL after 30 s); data stays in DIR.
                    kill NAME: kill -9 of one process (kafka-2, taskmanager-1, gateway-2, ...).
                    start NAME: starts one process again.""")
            .with(DIR, BASE_PORT, GATEWAYS)
            .positional("up|down|status|kill NAME|start NAME", "what to do")
            // The job's options are the job jar's to check: its classes are not on this classpath.
            .passingOthersTo("the job, for up (the stream job's options but --bootstrap)");

    static final String USAGE = OPTIONS.help();

    private ClusterCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** What was asked: the command, a process's name for kill and start, and for up the rest. */
    record Request(String command, String name, Path dir, Integer basePort, Integer gateways, List<String> jobArgs) {

        static Request parse(String... args) {
            Parsed p = OPTIONS.parse(args);
            List<String> words = p.positional();
            if (words.isEmpty()) {
                throw new UsageException("name a command: up, down, status, kill NAME or start NAME");
            }
            String command = words.get(0);
            List<String> jobArgs = p.passed();
            if (!command.equals("up") && !jobArgs.isEmpty()) {
                throw new UsageException("unknown option " + jobArgs.get(0) + " (job options are for up only)");
            }
            String name = null;
            if (command.equals("kill") || command.equals("start")) {
                if (words.size() != 2) {
                    throw new UsageException(command + " takes one process name");
                }
                name = words.get(1);
            } else if (words.size() > 1) {
                throw new UsageException("unexpected argument '" + words.get(1) + "'");
            }
            return new Request(command, name, p.get(DIR), p.has(BASE_PORT) ? p.get(BASE_PORT) : null,
                    p.has(GATEWAYS) ? p.get(GATEWAYS) : null, jobArgs);
        }
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("help")) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Request request;
        try {
            if (OPTIONS.parse(args).helpRequested()) {
                System.out.println(USAGE);
                return 0;
            }
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(e);
        }
        String command = request.command();
        try {
            Installation installation = Installation.fromSystem();
            StateDir state = new StateDir(request.dir());
            return switch (command) {
                case "up" -> up(installation, state, request.basePort(), request.gateways(), request.jobArgs());
                case "down" -> down(Cluster.existing(installation, state));
                case "status" -> status(Cluster.existing(installation, state));
                case "kill" -> {
                    Cluster cluster = Cluster.existing(installation, state);
                    cluster.kill(request.name());
                    System.out.println("killed " + request.name() + " (SIGKILL)");
                    yield 0;
                }
                case "start" -> {
                    Cluster cluster = Cluster.existing(installation, state);
                    cluster.start(request.name());
                    System.out.println(request.name() + " is up");
                    yield 0;
                }
                default -> throw new UsageException("unknown cluster command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            return usageError(e);
        } catch (RuntimeException e) {
            System.err.println("scoreline cluster " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usageError(IllegalArgumentException e) {
        System.err.println("scoreline cluster: " + e.getMessage());
        System.err.println(USAGE);
        return 2;
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
}
