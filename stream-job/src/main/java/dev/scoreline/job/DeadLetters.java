package dev.scoreline.job;

import dev.scoreline.deadletter.DeadLetter;
import java.time.Instant;
import java.util.List;

/** Dead letters as the job writes them: the record's text kept, but never more than a bounded amount. */
final class DeadLetters {

    private DeadLetters() {}

    static DeadLetter of(String topic, int partition, long offset, String key, String value,
            String reason, String message, List<String> errors) {
        boolean truncated = value != null && value.length() > DeadLetter.MAX_VALUE_CHARS;
        return new DeadLetter(topic, partition, offset, key,
                truncated ? value.substring(0, DeadLetter.MAX_VALUE_CHARS) : value, truncated,
                reason, message, errors, Instant.now());
    }
}
