package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.wire.Frame;
import java.util.List;

/**
 * What the fan-out reports as it works. An interface of the fan-out's own, so that the fan-out
 * knows nothing of how it is measured (Prometheus, in {@code metrics}) and the two packages do not
 * depend on each other both ways.
 */
public interface FanoutMetrics {

    void connectionOpened(String transport);

    void connectionClosed(String transport);

    void subscribed();

    void unsubscribed();

    /** A frame handed to a transport; a live delta also gives its age since its Kafka record. */
    void handedOver(Frame frame, boolean live, long nowMillis);

    /** A batch of frames handed to a transport at once. */
    void handedOver(List<OutboundQueue.Queued> batch, long nowMillis);

    void dropped(int messages);

    void conflated();

    void closed(CloseReason reason);

    void errorSent(String code);
}
