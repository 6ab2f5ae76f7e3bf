package dev.scoreline.local;

import dev.scoreline.cli.Options;
import dev.scoreline.cli.UsageException;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.GatewayMain;
import java.util.concurrent.CountDownLatch;

/** {@code ./scoreline gateway}: one edge gateway against an existing Kafka, until Ctrl-C. */
final class GatewayCommand implements Command {

    static final Options OPTIONS = GatewayMain.OPTIONS.named("./scoreline gateway",
            "One edge gateway against an existing Kafka, until Ctrl-C.");

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(String[] args) throws Exception {
        GatewayConfig config;
        try {
            config = GatewayMain.config(OPTIONS.parse(args), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
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
