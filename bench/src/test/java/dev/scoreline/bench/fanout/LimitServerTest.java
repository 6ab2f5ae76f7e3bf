package dev.scoreline.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The socket-limit server and the NIO load client against each other, over loopback. */
class LimitServerTest {

    @Test
    void everySubscriberOfAChannelGetsEachFrameAndNoOtherChannels() throws Exception {
        Recorder recorder = new Recorder();
        try (LimitServer server = new LimitServer(0, 2);
                WsSubscribers clients = new WsSubscribers(new InetSocketAddress("127.0.0.1", server.port()), recorder)) {
            clients.open(6, List.of(InetAddress.getByName("127.0.0.1")), i -> "match:b" + (i % 2));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (clients.ready() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(clients.ready()).as("subscribers holding their snapshot").isEqualTo(6);

            long sentAt = System.nanoTime();
            byte[] frame = WsFrames.serverFrame(WsFrames.TEXT,
                    Payload.deltaFrameJson("match:b0", 2, sentAt, "pad").getBytes(StandardCharsets.UTF_8));
            server.publish(List.<Map.Entry<String, byte[]>>of(new AbstractMap.SimpleImmutableEntry<>("match:b0", frame)));

            String[] report = recorder.report().split(" ");
            while (Long.parseLong(report[0]) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                report = recorder.report().split(" ");
            }
            Thread.sleep(200);
            report = recorder.report().split(" ");
            // three of the six subscribers follow match:b0
            assertThat(Long.parseLong(report[0])).isEqualTo(3);
            assertThat(Long.parseLong(report[1])).isZero();
            assertThat(Long.parseLong(report[2])).isGreaterThanOrEqualTo(sentAt);
            assertThat(clients.failed()).isZero();
        }
    }
}
