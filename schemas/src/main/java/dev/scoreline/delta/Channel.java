package dev.scoreline.delta;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client subscribes to: {@code match:<matchId>}, {@code match:<matchId>/markets} (the
 * match's betting markets: status and pools, public), {@code table:<tableId>} (the public table),
 * {@code table:<tableId>/seat:<playerId>} (one player's private view), {@code player:<playerId>}
 * (the player's wallet, private to them) or {@code scores} (the ticker: one line per live or
 * just-finished match, public). The ticker's entity id, and so its Kafka key, is {@value #SCORES}.
 *
 * @param playerId the player who alone may read a private channel (a seat's player; for a wallet,
 *     its own player, the entity id), null for a public one
 * @param part a further public channel of the entity ({@value #MARKETS} of a match), null for its
 *     own channel
 */
public record Channel(Kind kind, String entityId, String playerId, String part) {

    public enum Kind {
        MATCH("match"),
        TABLE("table"),
        /** A player's wallet: one entity per player, whose only channel is private to them. */
        PLAYER("player"),
        SCORES("scores");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /**
     * Ids are what producers use as Kafka keys: printable, no separators of ours, bounded. The one
     * definition in Java; common.schema.json states the same (a property test keeps them equal).
     */
    private static final String ID = "[A-Za-z0-9._~@+-]{1,128}";

    private static final Pattern ID_FORM = Pattern.compile(ID);

    /** The ticker's channel name and entity id. */
    public static final String SCORES = "scores";

    private static final Channel SCORES_CHANNEL = new Channel(Kind.SCORES, SCORES, null, null);

    /** The part of a match's channel that shows its betting markets. */
    public static final String MARKETS = "markets";

    private static final Pattern FORM =
            Pattern.compile("(match|table|player):(" + ID + ")(?:/seat:(" + ID + ")|/(" + MARKETS + "))?");

    public Channel {
        if (kind == null || !isIdentifier(entityId)) {
            throw new IllegalArgumentException("bad channel id: " + entityId);
        }
        if (kind == Kind.PLAYER && !entityId.equals(playerId)) {
            throw new IllegalArgumentException("a wallet's channel is its own player's: " + playerId);
        }
        if (playerId != null && kind != Kind.PLAYER && (kind != Kind.TABLE || !isIdentifier(playerId))) {
            throw new IllegalArgumentException("only a table has seat channels: " + playerId);
        }
        if (part != null && (kind != Kind.MATCH || !part.equals(MARKETS))) {
            throw new IllegalArgumentException("only a match has a further channel, its " + MARKETS + ": " + part);
        }
        if (kind == Kind.SCORES && !entityId.equals(SCORES)) {
            throw new IllegalArgumentException("there is one ticker, '" + SCORES + "', not '" + entityId + "'");
        }
    }

    /**
     * Whether {@code text} may be an entity id, a player id or an epoch: the parts of channel names
     * and of SSE event ids, which must never hold a separator of theirs.
     */
    public static boolean isIdentifier(String text) {
        // ID by hand: every view of every event names its channels, and a regular expression
        // there cost the job 5% of its time (the property test holds this to ID_FORM)
        if (text == null || text.isEmpty() || text.length() > 128) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '~' || c == '@' || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isIdentifier} as the regular expression that states it, for tests. */
    static boolean matchesIdForm(String text) {
        return text != null && ID_FORM.matcher(text).matches();
    }

    /** The ticker. */
    public static Channel scores() {
        return SCORES_CHANNEL;
    }

    public static Channel match(String matchId) {
        return new Channel(Kind.MATCH, matchId, null, null);
    }

    /** A match's betting markets: each market's status and pools, never a player's bet. */
    public static Channel markets(String matchId) {
        return new Channel(Kind.MATCH, matchId, null, MARKETS);
    }

    public static Channel table(String tableId) {
        return new Channel(Kind.TABLE, tableId, null, null);
    }

    public static Channel seat(String tableId, String playerId) {
        return new Channel(Kind.TABLE, tableId, playerId, null);
    }

    /** A player's wallet. */
    public static Channel player(String playerId) {
        return new Channel(Kind.PLAYER, playerId, playerId, null);
    }

    /**
     * The channel of {@code kind} on which the entity's players act and its verdicts name: the
     * public channel, or for a wallet its one private channel.
     */
    public static Channel of(Kind kind, String entityId) {
        return kind == Kind.PLAYER ? player(entityId) : new Channel(kind, entityId, null, null);
    }

    /** @throws IllegalArgumentException with the reason, for anything that is not a channel name */
    public static Channel parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("channel is missing");
        }
        if (name.equals(SCORES)) {
            return SCORES_CHANNEL;
        }
        Matcher m = FORM.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a channel: '" + name + "' (expected match:<id>, match:<id>/" + MARKETS + ", table:<id>, "
                            + "table:<id>/seat:<playerId>, player:<playerId> or " + SCORES + ")");
        }
        if (!m.group(1).equals("table") && m.group(3) != null) {
            throw new IllegalArgumentException("a " + m.group(1) + " has no seat channels: " + name);
        }
        if (!m.group(1).equals("match") && m.group(4) != null) {
            throw new IllegalArgumentException("only a match has " + MARKETS + ": " + name);
        }
        return switch (m.group(1)) {
            case "match" -> m.group(4) == null ? match(m.group(2)) : markets(m.group(2));
            case "player" -> player(m.group(2));
            default -> new Channel(Kind.TABLE, m.group(2), m.group(3), null);
        };
    }

    public boolean isPrivate() {
        return playerId != null;
    }

    /**
     * The partition of the private topics that holds every private channel of {@code playerId}:
     * the job writes there and the gateway owning that partition serves the player. The one
     * definition, on both sides; {@link String#hashCode} is specified, so every JVM agrees.
     */
    public static int privatePartition(String playerId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition: " + partitions);
        }
        return Math.floorMod(playerId.hashCode(), partitions);
    }

    /**
     * The player who alone may read the channel named {@code name}, or null for a public one;
     * for names the job itself made (valid), without parsing them.
     */
    public static String ownerOf(String name) {
        if (name.startsWith("player:")) {
            return name.substring("player:".length());
        }
        int seat = name.indexOf("/seat:");
        return seat < 0 ? null : name.substring(seat + "/seat:".length());
    }

    public String name() {
        if (kind == Kind.SCORES) {
            return SCORES;
        }
        if (part != null) {
            return kind.prefix() + ":" + entityId + "/" + part;
        }
        if (kind == Kind.PLAYER || playerId == null) {
            return kind.prefix() + ":" + entityId;
        }
        return kind.prefix() + ":" + entityId + "/seat:" + playerId;
    }

    @Override
    public String toString() {
        return name();
    }
}
