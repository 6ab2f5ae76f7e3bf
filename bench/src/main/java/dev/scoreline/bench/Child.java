package dev.scoreline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark forks (a server or a load client): a JVM on the benchmark's own class
 * path, or any command. It takes commands as lines on its standard input and answers with lines on
 * its standard output; its standard error goes to a log file.
 */
public final class Child implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Child(String name, Process process) {
        this.name = name;
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("eof " + e.getMessage());
            }
            lines.add("eof");
        }, name + "-out");
        reader.setDaemon(true);
        reader.start();
    }

    /** A JVM running {@code mainClass} on this process's class path. */
    public static Child java(String name, Path log, List<String> jvmOptions, Class<?> mainClass, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return start(name, log, command);
    }

    public static Child start(String name, Path log, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new Child(name, pb.start());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void send(String command) {
        in.println(command);
    }

    /** The next line that starts with {@code prefix} (others are skipped), within {@code timeout}. */
    public String expect(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException(name + " said no '" + prefix + "' within " + timeout.toSeconds() + " s");
            }
            if (line.startsWith("eof")) {
                throw new IllegalStateException(name + " ended (exit " + exitCode() + ") before saying '" + prefix
                        + "'; see its log");
            }
            if (line.startsWith("error ")) {
                throw new IllegalStateException(name + ": " + line.substring(6));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Asks and waits for the answer. */
    public String ask(String command, String answerPrefix, Duration timeout) throws InterruptedException {
        send(command);
        return expect(answerPrefix, timeout);
    }

    private String exitCode() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Processor time (user + system) this process has used, in seconds; from /proc. */
    public double cpuSeconds() {
        return Machine.cpuSeconds(process.pid());
    }

    public long rssBytes() {
        return Machine.rssBytes(process.pid());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            in.println("quit");
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        process.waitFor(5, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
