package dev.scoreline.gateway.metrics;

import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.FanoutMetrics;
import dev.scoreline.gateway.fanout.OutboundQueue;
import dev.scoreline.gateway.wire.Frame;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways may share a JVM in
 * tests). Names start with {@code scoreline_gateway_}; counters get the {@code _total} suffix in
 * the text format.
 */
public final class GatewayMetrics implements FanoutMetrics {

    /** Where the delta-age histogram puts its bucket bounds, in seconds. */
    private static final double[] AGE_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
    };

    /** Partition lag as the feed last saw it. */
    public record PartitionLag(String topic, int partition, long records) {}

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Gauge connections;
    private final GaugeDataPoint subscriptions;
    private final Counter messagesOut;
    private final Map<Frame.Kind, CounterDataPoint> messagesByKind = new EnumMap<>(Frame.Kind.class);
    private final CounterDataPoint bytesOut;
    private final CounterDataPoint dropped;
    private final CounterDataPoint conflations;
    private final Counter closes;
    private final Map<CloseReason, CounterDataPoint> closesByReason = new EnumMap<>(CloseReason.class);
    private final Counter rejectedConnections;
    private final Counter errorFrames;
    private final DistributionDataPoint deltaAge;
    private final Counter feedRecords;
    private final Counter feedBytes;
    private final GaugeDataPoint ready;

    public GatewayMetrics() {
        connections = Gauge.builder()
                .name("scoreline_gateway_connections")
                .help("Open client connections")
                .labelNames("transport")
                .register(registry);
        connections.labelValues("websocket").set(0);
        connections.labelValues("sse").set(0);
        subscriptions = Gauge.builder()
                .name("scoreline_gateway_subscriptions")
                .help("Channel subscriptions over all connections")
                .register(registry);
        messagesOut = Counter.builder()
                .name("scoreline_gateway_messages_out")
                .help("Messages handed to client transports, by type")
                .labelNames("type")
                .register(registry);
        for (Frame.Kind kind : Frame.Kind.values()) {
            messagesByKind.put(kind, messagesOut.labelValues(kind.type()));
        }
        bytesOut = Counter.builder()
                .name("scoreline_gateway_bytes_out")
                .help("Payload bytes of the messages handed to client transports")
                .register(registry);
        dropped = Counter.builder()
                .name("scoreline_gateway_dropped_messages")
                .help("Queued messages discarded: replaced by a snapshot in a conflation, or left when a connection closed")
                .register(registry);
        conflations = Counter.builder()
                .name("scoreline_gateway_conflations")
                .help("Times a lagging connection's queue for a channel was replaced by one fresh snapshot")
                .register(registry);
        closes = Counter.builder()
                .name("scoreline_gateway_closes")
                .help("Connections ended, by reason")
                .labelNames("reason")
                .register(registry);
        for (CloseReason reason : CloseReason.values()) {
            closesByReason.put(reason, closes.labelValues(reason.label()));
        }
        rejectedConnections = Counter.builder()
                .name("scoreline_gateway_rejected_connections")
                .help("Connection attempts refused, by reason")
                .labelNames("reason")
                .register(registry);
        errorFrames = Counter.builder()
                .name("scoreline_gateway_error_messages")
                .help("Error messages sent to clients, by code")
                .labelNames("code")
                .register(registry);
        deltaAge = Histogram.builder()
                .name("scoreline_gateway_delta_age_seconds")
                .help("Time from a delta's Kafka record timestamp to its write to a subscriber (per write: its oldest delta)")
                .classicOnly()
                .classicUpperBounds(AGE_BUCKETS)
                .register(registry);
        feedRecords = Counter.builder()
                .name("scoreline_gateway_feed_records")
                .help("Records read from Kafka, by topic and what they did to the channel")
                .labelNames("topic", "outcome")
                .register(registry);
        feedBytes = Counter.builder()
                .name("scoreline_gateway_feed_bytes")
                .help("Bytes of record values read from Kafka, by topic")
                .labelNames("topic")
                .register(registry);
        ready = Gauge.builder()
                .name("scoreline_gateway_ready")
                .help("1 once the feed has caught up with the topics as they were at start")
                .register(registry);
        JvmMetrics.builder().register(registry);
    }

    /** Registers the gauges whose values live elsewhere; called once by the gateway. */
    public void observe(IntSupplier channels, Supplier<Iterable<PartitionLag>> lag) {
        GaugeWithCallback.builder()
                .name("scoreline_gateway_channels")
                .help("Channels whose state the gateway holds")
                .callback(cb -> cb.call(channels.getAsInt()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("scoreline_gateway_kafka_lag_records")
                .help("Records between the feed's position and the end of each partition")
                .labelNames("topic", "partition")
                .callback(cb -> {
                    for (PartitionLag p : lag.get()) {
                        cb.call(p.records(), p.topic(), Integer.toString(p.partition()));
                    }
                })
                .register(registry);
    }

    @Override
    public void connectionOpened(String transport) {
        connections.labelValues(transport).inc();
    }

    @Override
    public void connectionClosed(String transport) {
        connections.labelValues(transport).dec();
    }

    @Override
    public void subscribed() {
        subscriptions.inc();
    }

    @Override
    public void unsubscribed() {
        subscriptions.dec();
    }

    /** A frame handed to a transport; a live delta also gives its age since its Kafka record. */
    @Override
    public void handedOver(Frame frame, boolean live, long nowMillis) {
        messagesByKind.get(frame.kind()).inc();
        bytesOut.inc(frame.size());
        if (live && frame.sourceTimestamp() != Frame.NO_TIMESTAMP) {
            deltaAge.observe(Math.max(0, nowMillis - frame.sourceTimestamp()) / 1000.0);
        }
    }

    /**
     * {@link #handedOver(Frame, boolean, long)} for a batch written to one connection: the
     * counters move once per batch and kind, not once per frame (they are touched for every
     * subscriber of every delta), and the age is that of the batch's oldest live delta.
     */
    @Override
    public void handedOver(List<OutboundQueue.Queued> batch, long nowMillis) {
        if (batch.size() == 1) {
            OutboundQueue.Queued q = batch.get(0);
            handedOver(q.frame(), q.live(), nowMillis);
            return;
        }
        long bytes = 0;
        long deltas = 0;
        long oldest = Long.MAX_VALUE;
        for (OutboundQueue.Queued q : batch) {
            Frame frame = q.frame();
            bytes += frame.size();
            if (frame.kind() == Frame.Kind.DELTA) {
                deltas++;
            } else {
                messagesByKind.get(frame.kind()).inc();
            }
            if (q.live() && frame.sourceTimestamp() != Frame.NO_TIMESTAMP) {
                oldest = Math.min(oldest, frame.sourceTimestamp());
            }
        }
        if (oldest != Long.MAX_VALUE) {
            deltaAge.observe(Math.max(0, nowMillis - oldest) / 1000.0);
        }
        if (deltas > 0) {
            messagesByKind.get(Frame.Kind.DELTA).inc(deltas);
        }
        bytesOut.inc(bytes);
    }

    @Override
    public void dropped(int messages) {
        if (messages > 0) {
            dropped.inc(messages);
        }
    }

    @Override
    public void conflated() {
        conflations.inc();
    }

    @Override
    public void closed(CloseReason reason) {
        closesByReason.get(reason).inc();
    }

    public void rejected(String reason) {
        rejectedConnections.labelValues(reason).inc();
    }

    @Override
    public void errorSent(String code) {
        errorFrames.labelValues(code).inc();
    }

    public void feedRecord(String topic, String outcome) {
        feedRecords.labelValues(topic, outcome).inc();
    }

    public void feedBytes(String topic, int bytes) {
        if (bytes > 0) {
            feedBytes.labelValues(topic).inc(bytes);
        }
    }

    /** Registers the gauges of the private channels this gateway serves; called once by the gateway. */
    public void observePrivate(IntSupplier channels, IntSupplier partitions) {
        GaugeWithCallback.builder()
                .name("scoreline_gateway_private_channels")
                .help("Private channels (seats, wallets) whose state the gateway holds: those of the players it serves")
                .callback(cb -> cb.call(channels.getAsInt()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("scoreline_gateway_private_partitions")
                .help("Partitions of the private topics the gateways' group gave this gateway")
                .callback(cb -> cb.call(partitions.getAsInt()))
                .register(registry);
    }

    public void ready(boolean isReady) {
        ready.set(isReady ? 1 : 0);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public byte[] scrapeText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String contentType() {
        return writer.getContentType();
    }
}
