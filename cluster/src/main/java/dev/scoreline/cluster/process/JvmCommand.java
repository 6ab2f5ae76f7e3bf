package dev.scoreline.cluster.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JVM to start as a process of its own: its options, classpath, main class, arguments and environment. */
public record JvmCommand(String java, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
        Map<String, String> env) {

    public JvmCommand {
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(jvmOptions);
        line.add("-cp");
        line.add(classpath);
        line.add(mainClass);
        line.addAll(args);
        return line;
    }

    /**
     * Starts the process in a session of its own (so a Ctrl-C at the terminal that started it does
     * not reach it), its output and errors appended to {@code log}, no input.
     */
    public ProcessRecord start(Path log) {
        List<String> line = new ArrayList<>();
        // setsid execs the JVM in place: the pid we get is the JVM's.
        if (SETSID != null) {
            line.add(SETSID);
        }
        line.addAll(commandLine());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            return ProcessRecord.of(process.toHandle(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainClass + ": " + e.getMessage(), e);
        }
    }

    private static final String SETSID = findSetsid();

    private static String findSetsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
