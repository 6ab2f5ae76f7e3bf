package dev.scoreline.gateway.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Checks the HMAC-SHA256 JSON Web Tokens that open table channels. A token names the tables it
 * opens in the claim {@code tbl} (one id, or an array of ids) and the player in {@code sub}
 * (absent for a spectator, who may read the public table channels only); {@code exp}, when
 * present, is enforced, with a few seconds of leeway for clock skew.
 */
public final class TokenVerifier {

    public static final String TABLES_CLAIM = "tbl";

    private static final long LEEWAY_SECONDS = 5;

    private final JWTVerifier verifier;

    /** @param secret the shared HMAC secret, or null when this gateway accepts no tokens at all */
    public TokenVerifier(String secret, Clock clock) {
        this.verifier = secret == null ? null : hs256(secret, clock);
    }

    /** HMAC-SHA256 with {@code secret}, {@code exp} enforced with a few seconds of leeway for clock skew. */
    static JWTVerifier hs256(String secret, Clock clock) {
        return ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret)).acceptLeeway(LEEWAY_SECONDS))
                .build(clock);
    }

    /** @param token the compact token, or null when the client gave none */
    public Grant verify(String token) {
        if (token == null) {
            return new Grant.Anonymous();
        }
        if (verifier == null) {
            return new Grant.Invalid("this gateway has no token secret configured, so it opens no table channel");
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            return new Grant.Invalid("token expired at " + e.getExpiredOn());
        } catch (SignatureVerificationException e) {
            return new Grant.Invalid("token signature does not verify");
        } catch (AlgorithmMismatchException e) {
            return new Grant.Invalid("token is not signed with HS256");
        } catch (JWTDecodeException e) {
            return new Grant.Invalid("not a JSON Web Token");
        } catch (JWTVerificationException e) {
            return new Grant.Invalid("token rejected: " + e.getMessage());
        }
        Set<String> tables = tables(jwt.getClaim(TABLES_CLAIM));
        if (tables == null) {
            return new Grant.Invalid("token's '" + TABLES_CLAIM + "' claim is not a table id or an array of them");
        }
        return new Grant.Valid(tables, jwt.getSubject(), jwt.getExpiresAtAsInstant());
    }

    /** The tables a token opens; none when it names none (a player who only bets or reads their wallet). */
    private static Set<String> tables(Claim claim) {
        if (claim.isMissing()) {
            return Set.of();
        }
        if (claim.isNull()) {
            return null;
        }
        String one = claim.asString();
        if (one != null) {
            return Set.of(one);
        }
        try {
            List<String> many = claim.asList(String.class);
            return many == null || many.isEmpty() || many.contains(null) ? null : Set.copyOf(many);
        } catch (JWTDecodeException e) {
            return null;
        }
    }
}
