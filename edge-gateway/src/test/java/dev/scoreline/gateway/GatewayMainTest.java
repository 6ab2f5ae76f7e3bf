package dev.scoreline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayMainTest {

    @Test
    void onlyTheBootstrapIsRequiredAndTheRestHasDefaults() {
        GatewayConfig c = GatewayMain.parse(new String[] {"--bootstrap", "k1:9092"}, Map.of());
        assertThat(c.bootstrapServers()).isEqualTo("k1:9092");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.snapshotTopic()).isEqualTo("state-snapshots");
        assertThat(c.deltaTopic()).isEqualTo("state-deltas");
        assertThat(c.partitions()).isEmpty();
        assertThat(c.effectiveJwtSecret()).isNull();
    }

    @Test
    void theServerSecretComesFromItsOptionOrTheEnvironmentAndMustNotBeThePlayersSecret() {
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k1:9092"}, Map.of()).serverSecret())
                .as("no secret, /v1/wallets closed").isNull();
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k1:9092", "--wallet-topic", "w"},
                Map.of(GatewayMain.SERVER_SECRET_ENV, "backend")).serverSecret()).isEqualTo("backend");
        GatewayConfig given = GatewayMain.parse(new String[] {"--bootstrap", "k1:9092", "--server-secret", "mine"},
                Map.of(GatewayMain.SERVER_SECRET_ENV, "backend"));
        assertThat(given.serverSecret()).isEqualTo("mine");
        assertThat(given.walletTopic()).isEqualTo("wallet-events");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k1:9092", "--jwt-secret", "same",
                "--server-secret", "same"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--server-secret must differ");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k1:9092", "--dev"},
                Map.of(GatewayMain.SERVER_SECRET_ENV, GatewayConfig.DEV_SECRET)))
                .as("the public dev secret moves no chip").hasMessageContaining("--server-secret must differ");
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        GatewayConfig c = GatewayMain.parse(new String[] {
            "--bootstrap=k1:9092,k2:9092", "--port", "0", "--bind", "127.0.0.1", "--partitions", "0,2",
            "--ring-size", "32", "--queue-bytes", "2m", "--write-window-bytes", "32k", "--max-conflations", "5",
            "--conflation-window", "10s", "--stall-timeout", "1m", "--max-frame-bytes", "8k",
            "--max-subscriptions", "8", "--max-connections", "100", "--max-malformed", "2",
            "--ping-interval", "500ms", "--idle-timeout", "3", "--close-grace", "2s", "--jwt-secret", "s3cret",
            "--io-threads", "1", "--socket-send-buffer", "64k", "--kafka", "fetch.max.wait.ms=50",
            "--snapshots-topic", "snaps", "--deltas-topic", "deltas"
        }, Map.of());
        assertThat(c.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(c.port()).isZero();
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.partitions()).isEqualTo(Set.of(0, 2));
        assertThat(c.ringSize()).isEqualTo(32);
        assertThat(c.queueBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(c.writeWindowBytes()).isEqualTo(32L * 1024);
        assertThat(c.maxConflations()).isEqualTo(5);
        assertThat(c.conflationWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.stallTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.maxFrameBytes()).isEqualTo(8192);
        assertThat(c.maxSubscriptions()).isEqualTo(8);
        assertThat(c.maxConnections()).isEqualTo(100);
        assertThat(c.maxMalformed()).isEqualTo(2);
        assertThat(c.pingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.closeGrace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.effectiveJwtSecret()).isEqualTo("s3cret");
        assertThat(c.ioThreads()).isEqualTo(1);
        assertThat(c.socketSendBufferBytes()).isEqualTo(65536);
        assertThat(c.kafkaProperties()).isEqualTo(Map.of("fetch.max.wait.ms", "50"));
        assertThat(c.snapshotTopic()).isEqualTo("snaps");
        assertThat(c.deltaTopic()).isEqualTo("deltas");
    }

    @Test
    void theSecretComesFromTheEnvironmentOrInDevModeFromTheDevDefault() {
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k:1"}, Map.of(GatewayMain.SECRET_ENV, "from-env"))
                .effectiveJwtSecret()).isEqualTo("from-env");
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--dev"}, Map.of()).effectiveJwtSecret())
                .isEqualTo(GatewayConfig.DEV_SECRET);
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--dev", "--jwt-secret", "mine"}, Map.of())
                .effectiveJwtSecret()).isEqualTo("mine");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {}, Map.of()))
                .hasMessageContaining("--bootstrap HOST:PORT is required");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--prot", "1"}, Map.of()))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--port"}, Map.of()))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--port", "eighty"}, Map.of()))
                .hasMessageContaining("--port takes a whole number");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--idle-timeout", "soon"}, Map.of()))
                .hasMessageContaining("--idle-timeout takes a duration");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--queue-bytes", "lots"}, Map.of()))
                .hasMessageContaining("--queue-bytes takes a size");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--port", "70000"}, Map.of()))
                .hasMessageContaining("port must be 0..65535");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--ping-interval", "90s"}, Map.of()))
                .hasMessageContaining("idleTimeout must be longer than pingInterval");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--dev=yes"}, Map.of()))
                .hasMessageContaining("--dev takes no value");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "stray"}, Map.of()))
                .hasMessageContaining("unexpected argument 'stray'");
    }

    @Test
    void aSizeTheSocketsCannotTakeIsAUsageError() {
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--max-frame-bytes", "2g"},
                Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--max-frame-bytes takes at most 2147483647 bytes, not 2147483648");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--socket-send-buffer", "3g"},
                Map.of())).hasMessageContaining("--socket-send-buffer takes at most");
    }

    @Test
    void autoSubscribeTakesPublicChannelsOnly() {
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k:1"}, Map.of()).autoSubscribe()).isEmpty();
        assertThat(GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--auto-subscribe", "scores, match:7"}, Map.of())
                .autoSubscribe()).containsExactly("scores", "match:7");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--auto-subscribe", "scores,table:t1"},
                Map.of()))
                .hasMessageStartingWith("--auto-subscribe: table:t1 is not a public channel")
                .hasMessageContaining("only match:<id> and scores can be auto-subscribed");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--auto-subscribe", "table:t1/seat:p"},
                Map.of()))
                .hasMessageStartingWith("--auto-subscribe: table:t1/seat:p is not a public channel");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--auto-subscribe", "score"}, Map.of()))
                .hasMessageStartingWith("--auto-subscribe: not a channel: 'score'");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--auto-subscribe", "scores,scores"},
                Map.of()))
                .hasMessageContaining("scores is named twice");
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--bootstrap", "k:1", "--max-subscriptions", "1",
            "--auto-subscribe", "scores,match:1"}, Map.of()))
                .hasMessageContaining("more than maxSubscriptions (1)");
        assertThatThrownBy(() -> GatewayConfig.builder("k:1").autoSubscribe(List.of("table:t1")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table:t1 is not a public channel");
    }

    @Test
    void helpListsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GatewayMain.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--bootstrap", "--port", "--bind", "--partitions", "--ring-size",
            "--queue-bytes", "--max-frame-bytes", "--max-subscriptions", "--max-connections", "--idle-timeout",
            "--ping-interval", "--jwt-secret", "--dev", "--kafka", "--auto-subscribe"}) {
            assertThat(help).contains(option);
        }
        assertThat(GatewayMain.wantsHelp(new String[] {"--port", "1", "--help"})).isTrue();
    }
}
