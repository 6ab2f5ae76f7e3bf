package dev.scoreline.bench.fanout;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * MQTT 3.1.1 subscribers on the HiveMQ MQTT client: one async client per connection, all on one
 * Netty event loop thread, each bound to a source address of 127.0.0.0/8, subscribed at QoS 0 (as
 * fire-and-forget as a WebSocket frame). Callbacks run on the event loop, as the WebSocket load
 * client's do on its selector thread.
 */
final class MqttSubscribers implements AutoCloseable {

    private final List<Mqtt3AsyncClient> clients = new ArrayList<>();
    private final Recorder recorder;
    private final InetSocketAddress server;
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile String firstFailure;
    private final MqttClientExecutorConfig executors = MqttClientExecutorConfig.builder().nettyThreads(1).build();

    MqttSubscribers(InetSocketAddress server, Recorder recorder) {
        this.server = server;
        this.recorder = recorder;
    }

    void open(int n, List<InetAddress> sources, IntFunction<String> topicOf, String idPrefix) throws InterruptedException {
        Semaphore opening = new Semaphore(256);
        for (int i = 0; i < n; i++) {
            opening.acquire();
            String topic = topicOf.apply(i);
            Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3()
                    .identifier(idPrefix + i)
                    .transportConfig()
                        .serverAddress(server)
                        .localAddress(new InetSocketAddress(sources.get(i % sources.size()), 0))
                        .mqttConnectTimeout(60, TimeUnit.SECONDS)
                        .applyTransportConfig()
                    .executorConfig(executors)
                    .addDisconnectedListener(ctx -> closed.incrementAndGet())
                    .buildAsync();
            clients.add(client);
            client.connectWith().cleanSession(true).keepAlive(120).send()
                    .thenCompose(ack -> client.subscribeWith()
                            .topicFilter(topic)
                            .qos(MqttQos.AT_MOST_ONCE)
                            .callback(this::received)
                            .executor(Runnable::run)
                            .send())
                    .whenComplete((ack, error) -> {
                        opening.release();
                        if (error != null) {
                            failed.incrementAndGet();
                            if (firstFailure == null) {
                                firstFailure = error.toString();
                            }
                        } else {
                            ready.incrementAndGet();
                        }
                    });
        }
    }

    private void received(Mqtt3Publish publish) {
        long now = System.nanoTime();
        ByteBuffer payload = ByteBuffer.wrap(publish.getPayloadAsBytes());
        long sentAt = Payload.sentAt(payload, 0, payload.limit());
        if (sentAt > 0) {
            recorder.delta(sentAt, now);
        } else {
            recorder.other(now);
        }
    }

    int ready() {
        return ready.get();
    }

    int failed() {
        return failed.get();
    }

    /** Connections lost once up (the disconnected listener also fires for failed attempts). */
    int closed() {
        return Math.max(0, closed.get() - failed.get());
    }

    String firstFailure() {
        return firstFailure;
    }

    @Override
    public void close() {
        for (Mqtt3AsyncClient c : clients) {
            c.disconnect();
        }
    }
}
