package dev.scoreline.gateway.auth;

import dev.scoreline.delta.Channel;
import java.time.Instant;

/**
 * Who may read which channel: {@code match:} channels and the {@code scores} ticker are public; {@code table:<id>} needs a
 * valid token naming the table; {@code table:<id>/seat:<player>} needs one naming the table and,
 * as its subject, that very player; {@code player:<player>} (the wallet) needs a valid token
 * whose subject is that player, whatever tables it names.
 */
public final class Access {

    private Access() {}

    public enum Verdict {
        ALLOWED(null, 200),
        /** No acceptable token: the client should (re)authenticate. */
        UNAUTHORIZED("unauthorized", 401),
        /** A valid token that does not open this channel. */
        FORBIDDEN("forbidden", 403);

        private final String code;
        private final int httpStatus;

        Verdict(String code, int httpStatus) {
            this.code = code;
            this.httpStatus = httpStatus;
        }

        /** The error code of the wire protocol. */
        public String code() {
            return code;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    public record Decision(Verdict verdict, String reason) {
        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    private static final Decision ALLOWED = new Decision(Verdict.ALLOWED, null);

    public static Decision check(Channel channel, Grant grant, Instant now) {
        if (channel.kind() != Channel.Kind.TABLE && channel.kind() != Channel.Kind.PLAYER) {
            return ALLOWED;
        }
        if (grant instanceof Grant.Anonymous) {
            return new Decision(Verdict.UNAUTHORIZED, channel + " needs a token (Authorization: Bearer, ?token= or the subscription's \"token\")");
        }
        if (grant instanceof Grant.Invalid invalid) {
            return new Decision(Verdict.UNAUTHORIZED, invalid.reason());
        }
        Grant.Valid valid = (Grant.Valid) grant;
        if (valid.expiresAt() != null && !now.isBefore(valid.expiresAt())) {
            return new Decision(Verdict.UNAUTHORIZED, "token expired at " + valid.expiresAt());
        }
        if (channel.kind() == Channel.Kind.PLAYER) {
            return channel.playerId().equals(valid.player()) ? ALLOWED
                    : new Decision(Verdict.FORBIDDEN, channel + " is readable by player " + channel.playerId() + " only");
        }
        if (!valid.tables().contains(channel.entityId())) {
            return new Decision(Verdict.FORBIDDEN, "the token does not name table " + channel.entityId());
        }
        if (channel.isPrivate() && !channel.playerId().equals(valid.player())) {
            return new Decision(Verdict.FORBIDDEN, channel + " is readable by player " + channel.playerId() + " only");
        }
        return ALLOWED;
    }
}
