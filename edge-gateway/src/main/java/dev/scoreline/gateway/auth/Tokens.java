package dev.scoreline.gateway.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;

/**
 * Issues the tokens {@link TokenVerifier} accepts: what a table service (or the local demo)
 * hands to its players.
 */
public final class Tokens {

    private Tokens() {}

    /**
     * @param player the player (claim {@code sub}), or null for a spectator of the public table
     * @param expiresAt claim {@code exp}, or null for a token that does not expire
     */
    public static String issue(String secret, String table, String player, Instant expiresAt) {
        JWTCreator.Builder builder = JWT.create().withClaim(TokenVerifier.TABLES_CLAIM, table);
        if (player != null) {
            builder.withSubject(player);
        }
        if (expiresAt != null) {
            builder.withExpiresAt(expiresAt);
        }
        return builder.sign(Algorithm.HMAC256(secret));
    }

    /** A player's token that opens no table: enough to bet on matches and read their own wallet. */
    public static String issuePlayer(String secret, String player, Instant expiresAt) {
        JWTCreator.Builder builder = JWT.create().withSubject(player);
        if (expiresAt != null) {
            builder.withExpiresAt(expiresAt);
        }
        return builder.sign(Algorithm.HMAC256(secret));
    }

    /**
     * A token of the game backend, which {@link ServerTokenVerifier} accepts: signed with the server
     * secret, naming the backend in {@code sub}.
     *
     * @param expiresAt claim {@code exp}, or null for a token that does not expire
     */
    public static String issueServer(String serverSecret, String backend, Instant expiresAt) {
        JWTCreator.Builder builder = JWT.create().withSubject(backend);
        if (expiresAt != null) {
            builder.withExpiresAt(expiresAt);
        }
        return builder.sign(Algorithm.HMAC256(serverSecret));
    }
}
