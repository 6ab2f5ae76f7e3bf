package dev.scoreline.gateway.auth;

import java.time.Instant;
import java.util.Set;

/** What a client proved with its token, if anything. */
public sealed interface Grant {

    /** No token was given. */
    record Anonymous() implements Grant {}

    /** A token was given but is not acceptable; {@code reason} says why. */
    record Invalid(String reason) implements Grant {}

    /**
     * A valid token.
     *
     * @param tables the tables it names (claim {@code tbl})
     * @param player the player it names (claim {@code sub}), null for a spectator's token
     * @param expiresAt when it expires (claim {@code exp}), null if it does not
     */
    record Valid(Set<String> tables, String player, Instant expiresAt) implements Grant {
        public Valid {
            tables = Set.copyOf(tables);
        }
    }
}
