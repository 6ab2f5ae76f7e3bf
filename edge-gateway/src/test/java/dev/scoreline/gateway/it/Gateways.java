package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.testkit.TestBroker;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Starting gateways on a test's topics. */
public final class Gateways {

    public static final String SECRET = "integration-test-secret-0123456789abcdef";

    private Gateways() {}

    public static GatewayConfig.Builder config(Broker.Topics topics) {
        return GatewayConfig.builder(TestBroker.get().bootstrapServers())
                .snapshotTopic(topics.snapshots())
                .deltaTopic(topics.deltas())
                .privateSnapshotTopic(topics.privateSnapshots())
                .privateDeltaTopic(topics.privateDeltas())
                .privateGroup(topics.group())
                .tableTopic(topics.tables())
                .walletTopic(topics.wallets())
                .verdictTopic(topics.verdicts())
                .bindAddress("127.0.0.1")
                .port(0)
                .ioThreads(2)
                .jwtSecret(SECRET);
    }

    /** A started gateway that has caught up with the topics. */
    public static EdgeGateway start(Broker.Topics topics, UnaryOperator<GatewayConfig.Builder> tweak) {
        EdgeGateway gateway = new EdgeGateway(tweak.apply(config(topics)).build()).start();
        try {
            assertThat(gateway.awaitReady(Duration.ofSeconds(60))).as("gateway ready").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return gateway;
    }

    public static EdgeGateway start(Broker.Topics topics) {
        return start(topics, b -> b);
    }
}
