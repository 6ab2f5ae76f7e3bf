package dev.scoreline.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Epoch ids. An epoch must change when an entity's state is rebuilt from scratch (a new job
 * without the old state), yet stay the same when a job restores from its own checkpoint and
 * replays the events that created the entity, or clients would resynchronise after every
 * failover. Deriving it from the job's id, the entity and its first event gives both.
 */
public final class Epochs {

    private Epochs() {}

    public static String of(String jobId, String entityId, String firstEventId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((jobId + '\n' + entityId + '\n' + firstEventId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
