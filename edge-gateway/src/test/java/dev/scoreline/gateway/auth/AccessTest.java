package dev.scoreline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.auth.Access.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static final String SECRET = "test-secret-of-enough-length-for-hs256";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private final TokenVerifier verifier = new TokenVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private Verdict check(String channel, String token) {
        return Access.check(Channel.parse(channel), verifier.verify(token), NOW).verdict();
    }

    private static String token(String table, String player) {
        return Tokens.issue(SECRET, table, player, NOW.plusSeconds(600));
    }

    @Test
    void matchChannelsArePublic() {
        assertThat(check("match:1", null)).isEqualTo(Verdict.ALLOWED);
        assertThat(check("match:1", "garbage")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void theTickerIsPublic() {
        assertThat(check("scores", null)).isEqualTo(Verdict.ALLOWED);
        assertThat(check("scores", "garbage")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aTableNeedsATokenNamingIt() {
        assertThat(check("table:t1", null)).isEqualTo(Verdict.UNAUTHORIZED);
        assertThat(check("table:t1", token("t1", "p1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(check("table:t1", token("t1", null))).as("a spectator").isEqualTo(Verdict.ALLOWED);
        assertThat(check("table:t2", token("t1", "p1"))).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void aSeatIsReadableByItsPlayerOnly() {
        assertThat(check("table:t1/seat:p1", token("t1", "p1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(check("table:t1/seat:p2", token("t1", "p1"))).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check("table:t1/seat:p1", token("t1", null))).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check("table:t2/seat:p1", token("t1", "p1"))).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check("table:t1/seat:p1", null)).isEqualTo(Verdict.UNAUTHORIZED);
    }

    @Test
    void aTokenMayNameSeveralTables() {
        String both = JWT.create().withClaim("tbl", java.util.List.of("t1", "t2")).withSubject("p1")
                .sign(Algorithm.HMAC256(SECRET));
        assertThat(check("table:t2/seat:p1", both)).isEqualTo(Verdict.ALLOWED);
        assertThat(check("table:t3", both)).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void expiredForgedOrMalformedTokensAreUnauthorized() {
        String expired = Tokens.issue(SECRET, "t1", "p1", NOW.minusSeconds(60));
        assertThat(verifier.verify(expired)).isInstanceOf(Grant.Invalid.class);
        assertThat(((Grant.Invalid) verifier.verify(expired)).reason()).contains("expired");
        assertThat(check("table:t1", expired)).isEqualTo(Verdict.UNAUTHORIZED);

        String forged = Tokens.issue("another-secret-entirely-another-one", "t1", "p1", null);
        assertThat(((Grant.Invalid) verifier.verify(forged)).reason()).contains("signature");
        assertThat(check("table:t1", "not.a.jwt")).isEqualTo(Verdict.UNAUTHORIZED);

        String hs384 = JWT.create().withClaim("tbl", "t1").sign(Algorithm.HMAC384(SECRET));
        assertThat(((Grant.Invalid) verifier.verify(hs384)).reason()).contains("HS256");

        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"tbl\":\"t1\"}".getBytes()) + ".";
        assertThat(check("table:t1", unsigned)).isEqualTo(Verdict.UNAUTHORIZED);

        String nullTable = JWT.create().withNullClaim("tbl").withSubject("p1").sign(Algorithm.HMAC256(SECRET));
        assertThat(((Grant.Invalid) verifier.verify(nullTable)).reason()).contains("tbl");
        String emptyTables = JWT.create().withClaim("tbl", java.util.List.of()).withSubject("p1")
                .sign(Algorithm.HMAC256(SECRET));
        assertThat(verifier.verify(emptyTables)).isInstanceOf(Grant.Invalid.class);
    }

    @Test
    void aTokenWithoutTablesOpensNoTableButItsPlayersWallet() {
        String bettor = Tokens.issuePlayer(SECRET, "p1", null);
        assertThat(verifier.verify(bettor)).isInstanceOf(Grant.Valid.class);
        assertThat(((Grant.Valid) verifier.verify(bettor)).tables()).isEmpty();
        assertThat(check("table:t1", bettor)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check("player:p1", bettor)).isEqualTo(Verdict.ALLOWED);
        assertThat(check("player:p2", bettor)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check("match:1/markets", bettor)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aTokenThatExpiresAfterItWasCheckedNoLongerOpensChannels() {
        Grant grant = verifier.verify(Tokens.issue(SECRET, "t1", "p1", NOW.plusSeconds(30)));
        assertThat(Access.check(Channel.parse("table:t1"), grant, NOW).allowed()).isTrue();
        assertThat(Access.check(Channel.parse("table:t1"), grant, NOW.plusSeconds(31)).verdict())
                .isEqualTo(Verdict.UNAUTHORIZED);
    }

    @Test
    void withoutASecretNoTableOpens() {
        TokenVerifier none = new TokenVerifier(null, Clock.systemUTC());
        Grant grant = none.verify(token("t1", "p1"));
        assertThat(grant).isInstanceOf(Grant.Invalid.class);
        assertThat(Access.check(Channel.parse("table:t1"), grant, NOW).verdict()).isEqualTo(Verdict.UNAUTHORIZED);
        assertThat(Access.check(Channel.parse("match:1"), grant, NOW).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void verdictsMapToTheProtocolsCodesAndHttpStatuses() {
        assertThat(Verdict.UNAUTHORIZED.code()).isEqualTo("unauthorized");
        assertThat(Verdict.UNAUTHORIZED.httpStatus()).isEqualTo(401);
        assertThat(Verdict.FORBIDDEN.code()).isEqualTo("forbidden");
        assertThat(Verdict.FORBIDDEN.httpStatus()).isEqualTo(403);
    }
}
