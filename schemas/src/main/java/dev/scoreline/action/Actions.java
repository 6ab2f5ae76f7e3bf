package dev.scoreline.action;

import dev.scoreline.delta.Channel;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.CardsSee;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.Show;
import dev.scoreline.table.event.SideShowAnswer;
import dev.scoreline.table.event.SideShowRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A player's action becomes an event whose id is derived from the player and the client's own
 * name for the action, {@code act:<playerId>:<actionId>}: a retry, on any gateway, is the same
 * event, which the job applies at most once and answers again with the same verdict. Neither part
 * can hold a colon, so the id reads back unambiguously.
 */
public final class Actions {

    private static final String PREFIX = "act:";
    private static final Pattern ACTION_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    /** What a client's action id may be. */
    public static final String ACTION_ID_RULE = "1 to 64 of A-Z a-z 0-9 . _ ~ -";

    /**
     * The event kinds a player may send, per kind of channel; everything else (opening a table,
     * dealing, time-outs, wallet credits) is the server's.
     */
    private static final Map<Channel.Kind, Set<String>> PLAYER_KINDS = Map.of(
            Channel.Kind.TABLE, Set.of(PlayerSit.TYPE, PlayerLeave.TYPE, CardsSee.TYPE, Bet.TYPE, Pack.TYPE, Show.TYPE,
                    SideShowRequest.TYPE, SideShowAnswer.TYPE),
            Channel.Kind.MATCH, Set.of(BetPlace.TYPE));

    private Actions() {}

    /**
     * The kind of entity a player's action of {@code type} on a channel of {@code kind} goes to
     * first: a sit or a bet goes to the player's wallet, which reserves the buy-in or the stake and
     * passes it on to the table or the match (whose verdict the player gets); every other action to
     * the entity acted on.
     */
    public static Channel.Kind firstStop(Channel.Kind kind, String type) {
        boolean paid = (kind == Channel.Kind.TABLE && PlayerSit.TYPE.equals(type))
                || (kind == Channel.Kind.MATCH && BetPlace.TYPE.equals(type));
        return paid ? Channel.Kind.PLAYER : kind;
    }

    /** The member of an action's event that names the entity acted on: {@code matchId} or {@code tableId}. */
    public static String entityMember(Channel.Kind kind) {
        return kind == Channel.Kind.MATCH ? "matchId" : "tableId";
    }

    public static boolean isActionId(String actionId) {
        return actionId != null && ACTION_ID.matcher(actionId).matches();
    }

    /** The kinds of event a player may send to a channel of this kind; empty where players cannot act. */
    public static Set<String> playerKinds(Channel.Kind kind) {
        return PLAYER_KINDS.getOrDefault(kind, Set.of());
    }

    public static String eventId(String playerId, String actionId) {
        if (!Channel.isIdentifier(playerId) || !isActionId(actionId)) {
            throw new IllegalArgumentException("not a player and action id: " + playerId + ", " + actionId);
        }
        return PREFIX + playerId + ":" + actionId;
    }

    /** The player and action id of an event a player sent through a gateway; empty for any other event. */
    public static Optional<Action> of(String eventId) {
        if (eventId == null || !eventId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = eventId.indexOf(':', PREFIX.length());
        if (colon < 0) {
            return Optional.empty();
        }
        String player = eventId.substring(PREFIX.length(), colon);
        String action = eventId.substring(colon + 1);
        return Channel.isIdentifier(player) && isActionId(action)
                ? Optional.of(new Action(player, action))
                : Optional.empty();
    }

    /** Who acted, and the client's name for the action. */
    public record Action(String playerId, String actionId) {}
}
