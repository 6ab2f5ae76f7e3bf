package dev.scoreline.table;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The job's dealer: it starts a table's next hand by itself, {@link #PAUSE} after the table became
 * ready for one, with a seed that only the holder of the dealer secret can know before the hand is
 * dealt, and that a replay derives again: the first 53 bits of HMAC-SHA256(secret,
 * {@code "<tableId>:<hand>"}). 53 bits, not 64, because a {@code hand.start} seed is at most
 * 2^53 - 1 (table-event.schema.json), so that every JSON reader of the change log, where the seed
 * is revealed when the hand ends, holds it exactly and can rebuild the deal.
 *
 * <p>Serializable so that the job's rules factory can carry it to the task managers.
 */
public final class Dealer implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * From the end of a hand (or from the moment a table first has two players who can pay the
     * boot) to the next deal: long enough for the players to see how the hand ended, and for a
     * player to leave or sit before the cards go out.
     */
    public static final Duration PAUSE = Duration.ofSeconds(3);

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public Dealer(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the dealer needs a secret");
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The seed of hand {@code hand} (counted from 1) of table {@code tableId}. */
    public long seed(String tableId, int hand) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal((tableId + ":" + hand).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong() >>> (Long.SIZE - 53);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
