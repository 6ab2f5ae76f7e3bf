package dev.scoreline.local;

import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.topic.Topic;

/** Creates every topic of the project on a broker, with its settings; existing ones are left alone. */
final class ProjectTopics {

    private ProjectTopics() {}

    static void create(InProcessKafka kafka, int partitions) {
        for (Topic topic : Topic.values()) {
            kafka.createTopic(topic.defaultName(), partitions, topic.config());
        }
    }
}
