package dev.scoreline.bench.fanout;

import dev.scoreline.bench.Child;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Eclipse Mosquitto (Debian's package) on a loopback port, with a configuration of our own that
 * allows as many connections as the process may open. Installed with apt-get when missing and
 * this process runs as root; otherwise {@link #find} says how to install it.
 */
final class Mosquitto implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"));

    private final Child process;
    private final int port;

    private Mosquitto(Child process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The binary, after installing it if that is possible; else a message saying why not. */
    static Found find(java.util.function.Consumer<String> log) {
        for (Path p : PLACES) {
            if (Files.isExecutable(p)) {
                return new Found(p, null);
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            return new Found(null, "mosquitto is not installed and this is not root: install it with "
                    + "'sudo apt-get install mosquitto' to compare against it");
        }
        log.accept("installing mosquitto with apt-get...");
        try {
            Process p = new ProcessBuilder("bash", "-c",
                    "DEBIAN_FRONTEND=noninteractive apt-get install -y -q mosquitto || "
                            + "(apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q mosquitto)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        } catch (IOException e) {
            return new Found(null, "cannot run apt-get: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Found(null, "interrupted while installing mosquitto");
        }
        for (Path p : PLACES) {
            if (Files.isExecutable(p)) {
                return new Found(p, null);
            }
        }
        return new Found(null, "apt-get install mosquitto did not give a mosquitto binary");
    }

    record Found(Path binary, String whyNot) {}

    static Mosquitto start(Path binary, Path workDir, int port) throws Exception {
        Path conf = workDir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "max_connections -1",
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                ""));
        Child child = Child.start("mosquitto", workDir.resolve("mosquitto.log"), List.of("bash", "-c",
                "ulimit -n \"$(ulimit -Hn)\"; exec " + binary + " -c " + conf));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return new Mosquitto(child, port);
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    child.close();
                    throw new IllegalStateException("mosquitto did not start; see " + workDir.resolve("mosquitto.log"));
                }
                Thread.sleep(100);
            }
        }
    }

    int port() {
        return port;
    }

    Child process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
