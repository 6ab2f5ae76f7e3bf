package dev.scoreline.gateway.feed;

import dev.scoreline.delta.Channel;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Whose private channels this gateway serves: the players of the partitions of the private topics
 * that the gateways' consumer group gave it. For the others it names the gateway the group gave
 * them to, from the group's own description (each gateway joins under its public address as
 * client id), so that clients can be sent there. Kafka is the one place that knows; nothing here
 * is shared between gateways but what the broker says.
 */
public final class PrivateShards implements AutoCloseable {

    /** Where a player's private channels are served. */
    public record Owner(String player, int partition, String gateway) {}

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private final String group;
    private final String topic;
    private final Map<String, String> kafka;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile String self;
    private volatile int partitions;
    private volatile Admin admin;
    private volatile Lookup last;

    private record Lookup(long atNanos, Map<Integer, String> owners) {}

    /** @param kafka the gateway's Kafka settings (bootstrap servers and extra properties) */
    public PrivateShards(String group, String topic, Map<String, String> kafka) {
        this.group = group;
        this.topic = topic;
        this.kafka = Map.copyOf(kafka);
    }

    /** This gateway's public address ({@code http://host:port}), its client id in the group; set once it listens. */
    public void serveAs(String url) {
        self = url;
    }

    public String self() {
        return self;
    }

    /** Whether this gateway holds and follows {@code player}'s private channels now. */
    public boolean serves(String player) {
        int n = partitions;
        return n > 0 && owned.contains(Channel.privatePartition(player, n));
    }

    boolean servesPartition(int partition) {
        return owned.contains(partition);
    }

    /** Partitions this gateway serves now. */
    public int ownedPartitions() {
        return owned.size();
    }

    /**
     * The gateway serving {@code player}: this one, the one the group gave the player's partition,
     * or empty while nobody has it (the topic is not there yet, or the group is rebalancing).
     */
    public Optional<Owner> ownerOf(String player) {
        int n = partitions;
        if (n == 0) {
            return Optional.empty();
        }
        int partition = Channel.privatePartition(player, n);
        if (owned.contains(partition)) {
            return Optional.of(new Owner(player, partition, self));
        }
        String gateway = owners().get(partition);
        return gateway == null ? Optional.empty() : Optional.of(new Owner(player, partition, gateway));
    }

    void partitions(int count) {
        partitions = count;
    }

    void assigned(Collection<Integer> parts) {
        owned.addAll(parts);
        last = null;
    }

    void revoked(Collection<Integer> parts) {
        owned.removeAll(parts);
        last = null;
    }

    /** Whether a private channel name belongs to one of {@code parts}. */
    boolean inAny(String channel, Collection<Integer> parts) {
        String player = Channel.ownerOf(channel);
        int n = partitions;
        return player != null && n > 0 && parts.contains(Channel.privatePartition(player, n));
    }

    /** Partition to gateway, as the group stands when stable; at most a second old. */
    private Map<Integer, String> owners() {
        Lookup l = last;
        if (l != null && System.nanoTime() - l.atNanos() < CACHE_NANOS) {
            return l.owners();
        }
        Map<Integer, String> owners = new HashMap<>();
        try {
            ConsumerGroupDescription description = admin().describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (description.state() == ConsumerGroupState.STABLE) {
                for (MemberDescription member : description.members()) {
                    for (TopicPartition tp : member.assignment().topicPartitions()) {
                        if (tp.topic().equals(topic)) {
                            owners.put(tp.partition(), member.clientId());
                        }
                    }
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        last = new Lookup(System.nanoTime(), Map.copyOf(owners));
        return owners;
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties p = new Properties();
                    p.putAll(kafka);
                    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "scoreline-gateway-directory");
                    admin = Admin.create(p);
                }
                a = admin;
            }
        }
        return a;
    }

    @Override
    public void close() {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
