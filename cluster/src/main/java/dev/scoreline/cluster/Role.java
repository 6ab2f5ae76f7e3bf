package dev.scoreline.cluster;

/** What a cluster process is; also the order they start in (and the reverse, the order they stop in). */
public enum Role {
    KAFKA("kafka"),
    JOBMANAGER("jobmanager"),
    TASKMANAGER("taskmanager"),
    GATEWAY("gateway");

    private final String prefix;

    Role(String prefix) {
        this.prefix = prefix;
    }

    /** The process's name: {@code kafka-1}, {@code jobmanager}, {@code taskmanager-2}, {@code gateway-1}. */
    String name(int index) {
        return this == JOBMANAGER ? prefix : prefix + "-" + index;
    }
}
