package dev.scoreline.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.entity.Message;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.PlayerEvent;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.table.event.TurnTimeout;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.SeatRefused;
import dev.scoreline.wallet.event.SeatTaken;
import dev.scoreline.wallet.event.StackReturn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Teen Patti rules of a table (the variant is described in {@code package-info.java}): a pure
 * fold of table events into a {@link TableState}, with its public and per-seat views.
 *
 * <p><b>What the change log shows, and when.</b> The change log is the table's event log for
 * analysts, and whoever may read it must not be able to learn a card that is still hidden. The
 * events themselves carry no card, but the hand-start seed determines the whole deal, so
 * {@link #loggedEvent} drops the seed from {@code hand.start}. The event that ends a hand (the last
 * pack, a show, a forced show at the pot limit, a time-out, a player leaving) carries, in
 * {@link #revealed}, the hand's seed and every dealt player's cards: once the hand is over the cards
 * change nothing, and publishing them lets anyone audit each hand and rebuild it (the deal is a
 * function of the seed, see {@link Deck}). The public views never carry a card that was not shown
 * to the whole table; a side show's cards stay in the two players' own views.
 *
 * <p><b>Time.</b> A turn's deadline is its start plus the table's turn time-out. An event stamped at
 * or after the deadline first applies the overdue time-outs itself, so the player packs at the
 * deadline and the next turn starts there whether or not the job's timer fired first: the state
 * depends on the event times alone. For the versions to be the same too, the job folds
 * {@link #deadlineEvent} as an event of its own both when its event-time timer fires and before
 * any event stamped at or after {@link #deadline}; a timer whose time is no longer the state's
 * deadline is stale and folds nothing (its time-out would be refused).
 */
public final class TeenPattiRules implements EntityRules<TableState, TableEvent> {

    /** Null when tables deal only on {@code hand.start} events. */
    private final Dealer dealer;

    /** Rules whose tables deal only when a {@code hand.start} event says so. */
    public TeenPattiRules() {
        this(null);
    }

    /**
     * Rules whose tables also deal by themselves: {@link Dealer#PAUSE} after a table became ready
     * for a hand ({@link TableState#readySince}), a {@code hand.start} with the dealer's seed.
     */
    public TeenPattiRules(Dealer dealer) {
        this.dealer = dealer;
    }

    @Override
    public Channel.Kind kind() {
        return Channel.Kind.TABLE;
    }


    @Override
    public Decision<TableState> apply(TableState current, TableEvent event, Supplier<List<TableEvent>> history) {
        String missing = missingField(event);
        if (missing != null) {
            return Decision.reject(event.type() + " has no " + missing);
        }
        try {
            if (current == null) {
                if (event instanceof TableOpen open) {
                    return Decision.accept(TablePlay.open(open));
                }
                return Decision.reject("table " + event.tableId() + " is not open: its first event must be "
                        + TableOpen.TYPE + ", not " + event.type());
            }
            if (!current.tableId().equals(event.tableId())) {
                return Decision.reject("an event of table " + event.tableId() + " reached table " + current.tableId());
            }
            if (current.closed()) {
                return Decision.reject("table " + current.tableId() + " is closed");
            }
            TablePlay play = new TablePlay(current);
            play.apply(event);
            return Decision.accept(play.state());
        } catch (IllegalAction e) {
            return Decision.reject(e.getMessage());
        }
    }

    private static String missingField(TableEvent event) {
        if (event.eventId() == null || event.eventId().isBlank()) {
            return "eventId";
        }
        if (event.tableId() == null) {
            return "tableId";
        }
        if (event.eventTime() == null) {
            return "eventTime";
        }
        if (event instanceof PlayerEvent p && p.playerId() == null) {
            return "playerId";
        }
        if (event instanceof TableOpen open && open.config() == null) {
            return "config";
        }
        return null;
    }

    @Override
    public Map<Channel, JsonNode> views(TableState state) {
        return TableViews.of(state);
    }

    @Override
    public Map<Channel, JsonNode> views(TableState state, TableState previousState,
            Map<Channel, JsonNode> previousViews) {
        return TableViews.of(state, previousState, previousViews);
    }

    /** {@code hand.start} without its seed, which would give every card of the hand away. */
    @Override
    public JsonNode loggedEvent(TableEvent event, TableState before, TableState after) {
        JsonNode logged = Json.tree(event);
        if (event instanceof HandStart) {
            ((ObjectNode) logged).remove("seed");
        }
        return logged;
    }

    /**
     * The deal of the hand this event ended: its number, seed and dealer, and every dealt
     * player's cards and rank by seat; null when the event ended no hand.
     */
    @Override
    public JsonNode revealed(TableEvent event, TableState before, TableState after) {
        if (before == null || !before.handInPlay()) {
            return null;
        }
        Hand played = before.hand();
        boolean ended = after.hand().number() != played.number() || after.hand().over();
        if (!ended) {
            return null;
        }
        ObjectNode deal = Json.object();
        deal.put("hand", played.number());
        deal.put("seed", played.seed());
        deal.put("dealer", played.dealer());
        ObjectNode players = deal.putObject("players");
        for (HandPlayer p : played.players()) {
            ObjectNode player = players.putObject(Integer.toString(p.seat()));
            player.put("playerId", p.playerId());
            ArrayNode cards = player.putArray("cards");
            p.cards().forEach(c -> cards.add(c.code()));
            player.put("rank", p.rank().category().label());
        }
        return deal;
    }

    /** The awaited player's deadline during a hand; between hands, with a dealer, the next deal. */
    @Override
    public Instant deadline(TableState state) {
        if (state.handInPlay()) {
            return state.turnDeadline();
        }
        return dealer == null || state.readySince() == null ? null : state.readySince().plus(Dealer.PAUSE);
    }

    /**
     * The awaited player's time-out, with the id {@code <tableId>:timeout:<hand>:<turn>}; between
     * hands the dealer's deal, {@code <tableId>:hand:<n>}.
     */
    @Override
    public TableEvent deadlineEvent(TableState state, Instant deadline) {
        if (!state.handInPlay()) {
            if (dealer == null) {
                throw new IllegalStateException("table " + state.tableId() + " has no turn to time out and no dealer");
            }
            int next = state.hands() + 1;
            return new HandStart(state.tableId() + ":hand:" + next, state.tableId(), deadline,
                    dealer.seed(state.tableId(), next));
        }
        Hand hand = state.hand();
        String awaited = hand.player(hand.awaitedSeat()).orElseThrow().playerId();
        return new TurnTimeout(
                state.tableId() + ":timeout:" + hand.number() + ":" + hand.turnNumber(),
                state.tableId(),
                deadline,
                awaited,
                hand.number(),
                hand.turnNumber());
    }

    /** A time-out, or (with a dealer) the dealer's deal: the two things that happen at a deadline. */
    @Override
    public boolean isDeadlineEvent(TableEvent event) {
        return event instanceof TurnTimeout
                || (dealer != null && event instanceof HandStart h && h.eventId().startsWith(h.tableId() + ":hand:"));
    }

    /** A deal's tick without its seed: the seed reaches no topic before the hand is over. */
    @Override
    public TableEvent deadlineTick(TableState state, Instant deadline) {
        TableEvent event = deadlineEvent(state, deadline);
        return event instanceof HandStart h ? new HandStart(h.eventId(), h.tableId(), h.eventTime(), 0) : event;
    }

    @Override
    public boolean isFinished(TableState state) {
        return state.closed();
    }

    /**
     * At a table that plays from wallets: a sit from a wallet that seated its player is answered
     * with {@code seat.taken} ({@code <sit's id>:seated}), and every seat the event emptied sends
     * its chips back with a {@code stack.return} ({@code <tableId>@<version>:<playerId>}).
     */
    @Override
    public List<Message> messages(TableEvent event, TableState before, TableState after, long version) {
        if (!after.config().playsFromWallets()) {
            return List.of();
        }
        List<Message> sent = new ArrayList<>();
        if (event instanceof PlayerSit sit && sit.funded()) {
            sent.add(new Message(Topic.WALLET_EVENTS, new SeatTaken(sit.eventId() + ":seated", sit.playerId(),
                    sit.eventTime(), sit.tableId(), sit.eventId(), sit.chips())));
        }
        if (after.vacated() != null) {
            for (Seat seat : after.vacated()) {
                sent.add(new Message(Topic.WALLET_EVENTS, new StackReturn(
                        after.tableId() + "@" + version + ":" + seat.playerId(), seat.playerId(), event.eventTime(),
                        after.tableId(), seat.chips())));
            }
        }
        return sent;
    }

    /** A sit from a wallet that the table refused releases the wallet's reservation: {@code <sit's id>:refused}. */
    @Override
    public List<Message> refusalMessages(TableEvent event, String reason) {
        if (event instanceof PlayerSit sit && sit.funded() && sit.playerId() != null && sit.tableId() != null
                && sit.eventTime() != null) {
            return List.of(new Message(Topic.WALLET_EVENTS, new SeatRefused(sit.eventId() + ":refused",
                    sit.playerId(), sit.eventTime(), sit.tableId(), sit.eventId(), reason)));
        }
        return List.of();
    }

    /** A table whose seats hold wallets' chips is kept until they have gone back, however long it is idle. */
    @Override
    public boolean mayForget(TableState state) {
        return !state.config().playsFromWallets() || state.seats().isEmpty();
    }
}
