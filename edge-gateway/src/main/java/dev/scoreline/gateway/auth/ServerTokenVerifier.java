package dev.scoreline.gateway.auth;

import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;

/**
 * Checks the game backend's tokens, which move chips: HMAC-SHA256 JSON Web Tokens signed with the
 * server secret, a different one from the players' (so no player's token, nor the demo's dev
 * tokens, can pass), naming the backend in {@code sub}; {@code exp}, when present, is enforced.
 */
public final class ServerTokenVerifier {

    private final JWTVerifier verifier;

    /** @param secret the server secret, or null when this gateway takes no credits or debits */
    public ServerTokenVerifier(String secret, Clock clock) {
        this.verifier = secret == null ? null : TokenVerifier.hs256(secret, clock);
    }

    public boolean isOpen() {
        return verifier != null;
    }

    /** What a request's token says. */
    public sealed interface Result {}

    /** @param backend the token's subject, for the log */
    public record Server(String backend) implements Result {}

    /** @param reason why the token does not open the path (HTTP 401) */
    public record Refused(String reason) implements Result {}

    /** @param token the compact token, or null when the request had none */
    public Result verify(String token) {
        if (verifier == null) {
            return new Refused("this gateway has no server secret (--server-secret): it takes no credits or debits");
        }
        if (token == null) {
            return new Refused("a credit or debit needs the game backend's token (Authorization: Bearer)");
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            return new Refused("token expired at " + e.getExpiredOn());
        } catch (JWTVerificationException e) {
            return new Refused("not a token of the game backend (signed with the server secret)");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return new Refused("the token names no backend (claim sub)");
        }
        return new Server(jwt.getSubject());
    }
}
