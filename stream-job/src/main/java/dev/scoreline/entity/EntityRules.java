package dev.scoreline.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import dev.scoreline.delta.Channel;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rules of one kind of entity (a match, a table): a pure, deterministic fold of its events
 * into its state, and the views of that state that clients may see. No Flink here: the job wraps
 * one implementation per kind in the same keyed function, which adds versions, epochs,
 * de-duplication, batching, snapshots and the change log.
 *
 * <p>Determinism matters: a replay after a restore must give the same versions, so a decision may
 * depend on the state, the event and the event's time, never on the wall clock or on randomness
 * that is not derived from the events.
 *
 * @param <S> the state; immutable, and readable and writable by {@link Json#MAPPER} (it is kept
 *     in keyed state as JSON, which is what lets it evolve)
 * @param <E> the events
 */
public interface EntityRules<S, E extends EntityEvent> {

    Channel.Kind kind();

    /**
     * Folds one event.
     *
     * @param current the state, null before the entity's first event (and only the event that
     *     creates an entity may be accepted then)
     * @param history the events accepted so far, oldest first, read only when a rule needs them
     *     (an undo that folds again without the last ball); empty unless {@link #keepsHistory()}
     */
    Decision<S> apply(S current, E event, Supplier<List<E>> history);

    /**
     * What clients may see: the public channel's view and any private channel's, keyed by channel.
     * Views are JSON objects without null members (a merge patch cannot carry a null value).
     * Private data never enters the public channel's view.
     */
    Map<Channel, JsonNode> views(S state);

    /**
     * {@link #views(Object)} of {@code state}, made knowing the views of an earlier state of the
     * same entity (usually the previous event's): rules may hand back unchanged branches of {@code
     * previousViews} as they are, and the engine's diff then skips them by identity. Views are
     * never modified once made, so sharing branches between them is safe.
     */
    default Map<Channel, JsonNode> views(S state, S previousState, Map<Channel, JsonNode> previousViews) {
        return views(state);
    }

    /**
     * What accepting {@code event} changed in the views, per channel, exactly as the engine's diff
     * of the whole views before and after it would list it ({@link
     * dev.scoreline.patch.MergePatch#changesWithoutNulls}: every changed leaf, with its value before
     * and after, in the diff's order); a channel without changes may be left out. Null (the
     * default) when the rules do not say: the engine then builds the views after every event and
     * diffs them. Rules whose views are large and change in one small place per event (the
     * ticker's hundreds of lines) say it here, and their views are then built only to be published.
     */
    default Map<Channel, List<FieldChange>> changes(E event, S before, S after) {
        return null;
    }

    /**
     * Whether {@code event} is one the rules make themselves at a deadline ({@link
     * #deadlineEvent}): read from the input, it is a clock tick, not a fact. The engine folds what
     * is due by its time and never folds the event itself, so a tick that comes late (the turn was
     * taken in time) changes nothing, and nobody can time a player out early by sending one.
     */
    default boolean isDeadlineEvent(E event) {
        return false;
    }

    /**
     * {@link #deadlineEvent} as written to the entity's input topic to move its clock on: it may
     * carry nothing secret, as the input is no place for a hidden card (a deal's seed is left out;
     * the fold derives it again).
     */
    default E deadlineTick(S state, Instant deadline) {
        return deadlineEvent(state, deadline);
    }

    /**
     * True when an entity of this kind exists, empty, before its first event, so that any event may
     * be its first (a player without a wallet has a balance of 0); false when only a creating event
     * may be (a table's open, a match's start), and the job then answers a player's action on a
     * missing entity with "does not exist".
     */
    default boolean startsEmpty() {
        return false;
    }

    /** Whether the keyed function must keep the accepted events for {@link #apply}'s history. */
    default boolean keepsHistory() {
        return false;
    }

    /**
     * Whether an accepted {@code event} joins the history, when the rules keep one: a match keeps
     * its feed, not the thousands of bets around its balls, which no undo folds again.
     */
    default boolean keepsInHistory(E event) {
        return keepsHistory();
    }

    /**
     * The event as the public change log may show it now. The default is the event itself; a
     * table hides what would reveal a hidden card while the hand is being played.
     */
    default JsonNode loggedEvent(E event, S before, S after) {
        return Json.tree(event);
    }

    /** Hidden information that {@code event} makes public in the change log, or null. */
    default JsonNode revealed(E event, S before, S after) {
        return null;
    }

    /**
     * The event time at which the entity wants something to happen without an event (a turn
     * time-out), or null. The job asks again after every applied event.
     */
    default Instant deadline(S state) {
        return null;
    }

    /**
     * The event to fold when {@link #deadline} has passed, with an event id derived from the state
     * (so that a replay produces the same id), stamped with the deadline as its event time.
     */
    default E deadlineEvent(S state, Instant deadline) {
        throw new UnsupportedOperationException(kind() + " has no deadlines");
    }

    /**
     * Names of what an accepted event did that operators should see counted (a metric of the
     * job's each), such as the officials overruling the balls; usually none.
     */
    default List<String> notices(S before, S after) {
        return List.of();
    }

    /**
     * Events for other entities that accepting {@code event} sends (a match's new line for the
     * ticker), written to Kafka after the event's change log entry. Pure like the fold: the same
     * event on the same state gives the same messages with the same ids, so that the receiver
     * de-duplicates what a replay sends again.
     *
     * @param version the entity's version after {@code event}
     */
    default List<Message> messages(E event, S before, S after, long version) {
        return List.of();
    }

    /**
     * Events for other entities that refusing {@code event} sends: a step of a saga that the
     * refusal ends (a table that refuses a seat tells the wallet that reserved the buy-in). A
     * function of the event and the reason alone, so that their ids repeat on a replay; sent once,
     * when the event is first refused.
     */
    default List<Message> refusalMessages(E event, String reason) {
        return List.of();
    }

    /**
     * For an event that this entity takes only the first step of, the message that passes it on,
     * under the event's own id, to the entity that decides it (a wallet reserves a buy-in and
     * passes the sit on to the table), which answers the player when it is a player's action; null
     * for an event this entity decides itself. A function of the event alone: the job sends it
     * when the event is accepted, instead of a verdict, and again whenever the event comes again (a
     * client's retry), so that the receiver, which ignores the copy, answers the player once more.
     */
    default Message forward(E event) {
        return null;
    }

    /** The channel a player acted on with {@code event}, which its verdict names; the entity's own by default. */
    default Channel actedOn(E event) {
        return Channel.of(kind(), event.entityId());
    }

    /**
     * Whether the job may forget the entity once it has been idle for the idle time-out. An entity
     * that holds what no other place holds (a wallet's chips, the stacks of a table that plays from
     * wallets) says no, and is kept however long it is idle.
     */
    default boolean mayForget(S state) {
        return true;
    }

    /** True once the entity will accept no more events (a completed match); it is cleaned up later. */
    default boolean isFinished(S state) {
        return false;
    }

    /** What came of one event: a new state, or a rejection that leaves the state as it was. */
    sealed interface Decision<S> {

        static <S> Decision<S> accept(S next) {
            return new Accepted<>(next);
        }

        static <S> Decision<S> reject(String reason) {
            return new Rejected<>(reason);
        }

        record Accepted<S>(S state) implements Decision<S> {}

        /** @param reason a sentence for a person, such as "bet of 40 is above the limit of 20" */
        record Rejected<S>(String reason) implements Decision<S> {}
    }
}
