package dev.scoreline.gateway.it;

import dev.scoreline.testkit.TestBroker;
import dev.scoreline.topic.Topic;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Topics of a test's own on the shared broker ({@link TestBroker}), so tests do not see each
 * other's channels.
 */
public final class Broker {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private Broker() {}

    /** A fresh pair of topics, configured as the project creates them, with {@code partitions} each. */
    public static Topics topics(int partitions) {
        Topics t = names();
        t.create(partitions);
        return t;
    }

    /** Topic names that a test creates itself, later. */
    public static Topics names() {
        int n = TOPICS.incrementAndGet();
        return new Topics("snapshots-" + n, "deltas-" + n, "tables-" + n, "wallets-" + n, "verdicts-" + n,
                "private-snapshots-" + n, "private-deltas-" + n);
    }

    /**
     * @param tables where moves go; {@code wallets} where sits, credits and debits go; {@code
     *     verdicts} where a test answers them as the job would; {@code privateSnapshots} and
     *     {@code privateDeltas} the private channels', which the gateways of this set share in a
     *     group of their own ({@link #group()})
     */
    public record Topics(String snapshots, String deltas, String tables, String wallets, String verdicts,
            String privateSnapshots, String privateDeltas) {

        /** The consumer group of the gateways on these topics. */
        public String group() {
            return privateDeltas + "-gateways";
        }

        public void create(int partitions) {
            TestBroker.get().createTopic(snapshots, partitions, Topic.STATE_SNAPSHOTS.config());
            TestBroker.get().createTopic(deltas, partitions, Topic.STATE_DELTAS.config());
            TestBroker.get().createTopic(tables, partitions, Topic.TABLE_EVENTS.config());
            TestBroker.get().createTopic(wallets, partitions, Topic.WALLET_EVENTS.config());
            TestBroker.get().createTopic(verdicts, partitions, Topic.VERDICTS.config());
            TestBroker.get().createTopic(privateSnapshots, partitions, Topic.PRIVATE_SNAPSHOTS.config());
            TestBroker.get().createTopic(privateDeltas, partitions, Topic.PRIVATE_DELTAS.config());
        }
    }
}
