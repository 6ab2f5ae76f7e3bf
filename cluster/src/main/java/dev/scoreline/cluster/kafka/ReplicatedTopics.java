package dev.scoreline.cluster.kafka;

import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** The project's topics on the three brokers: three replicas each, two of them in sync for a write. */
public final class ReplicatedTopics {

    public static final short REPLICATION_FACTOR = 3;
    public static final String MIN_INSYNC_REPLICAS = "2";

    private ReplicatedTopics() {}

    public static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "scoreline-cluster-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(props);
    }

    /** Topic settings: the project's own for the topic, and min.insync.replicas 2. */
    public static Map<String, String> config(Topic topic) {
        Map<String, String> config = new HashMap<>(topic.config());
        config.put("min.insync.replicas", MIN_INSYNC_REPLICAS);
        return config;
    }

    /**
     * Creates every project topic that does not exist yet and waits until each partition has a
     * leader and all three replicas in sync.
     */
    public static void create(String bootstrap, int partitions, Duration timeout) {
        try (Admin admin = admin(bootstrap)) {
            for (Topic topic : Topic.values()) {
                NewTopic spec = new NewTopic(topic.defaultName(), Optional.of(partitions), Optional.of(REPLICATION_FACTOR))
                        .configs(config(topic));
                try {
                    admin.createTopics(List.of(spec)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.defaultName() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitFullyReplicated(admin, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics within " + timeout.toSeconds() + " s", e);
        }
    }

    private static void awaitFullyReplicated(Admin admin, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> names = java.util.Arrays.stream(Topic.values()).map(Topic::defaultName).toList();
        String problem = "";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(10, TimeUnit.SECONDS);
                Optional<String> lagging = described.values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> Map.entry(d.name(), p)))
                        .filter(e -> e.getValue().leader() == null || e.getValue().isr().size() < REPLICATION_FACTOR)
                        .map(e -> e.getKey() + "-" + e.getValue().partition() + " (in sync: " + e.getValue().isr().size() + ")")
                        .findFirst();
                if (lagging.isEmpty()) {
                    return;
                }
                problem = lagging.get();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                problem = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the topics did not get three replicas in sync within " + timeout.toSeconds()
                + " s: " + problem);
    }
}
