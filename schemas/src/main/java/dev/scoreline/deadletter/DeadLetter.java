package dev.scoreline.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * A record the job could not accept, on the {@code dead-letters} topic, with everything needed to
 * find it again and to understand why.
 *
 * @param reason a stable code: {@code malformed-json}, {@code schema-violation},
 *     {@code oversized}, {@code unknown-entity}, {@code rejected}
 * @param message a sentence for a person
 * @param errors the individual findings (for a schema violation, one per failing JSON path)
 * @param value the record's value as text, cut at {@link #MAX_VALUE_CHARS} characters
 */
public record DeadLetter(
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String value,
        boolean valueTruncated,
        String reason,
        String message,
        List<String> errors,
        Instant rejectedAt) {

    public static final int MAX_VALUE_CHARS = 16 * 1024;

    public DeadLetter {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static final String MALFORMED_JSON = "malformed-json";
    public static final String SCHEMA_VIOLATION = "schema-violation";
    public static final String OVERSIZED = "oversized";
    public static final String UNKNOWN_ENTITY = "unknown-entity";
    public static final String REJECTED = "rejected";
}
