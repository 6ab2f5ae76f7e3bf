package dev.scoreline.local;

import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.GatewayMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** {@code ./scoreline gateway}: one edge gateway against an existing Kafka, until Ctrl-C. */
final class GatewayCommand implements Command {

    @Override
    public String usage() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        GatewayMain.usage(new PrintStream(text, true, StandardCharsets.UTF_8));
        return "Usage: ./scoreline gateway --bootstrap HOST:PORT [--port 8080] [options]\n"
                + text.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int run(String[] args) throws Exception {
        GatewayConfig config;
        try {
            config = GatewayMain.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        EdgeGateway gateway = new EdgeGateway(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        System.out.println("Gateway on http://localhost:" + gateway.port() + "/ (WebSocket /ws, SSE /sse, "
                + "HTTP /v1/channels, /healthz, /metrics); Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
