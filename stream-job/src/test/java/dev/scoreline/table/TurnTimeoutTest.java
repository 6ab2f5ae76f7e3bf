package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static dev.scoreline.table.TableDriver.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.json.Json;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.TurnTimeout;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A player who does not act within the table's 30 seconds packs: when the job's timer folds the
 * rules' time-out event, or when a later event arrives first.
 */
class TurnTimeoutTest {

    private static final Duration TURN = Duration.ofSeconds(30);

    /** Ann deals; Bob is on turn from the hand's start. */
    private final TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);
    private final Instant handStart = table.clock;

    @Test
    void theDeadlineIsTheTurnsStartPlusTheTimeOut() {
        assertThat(table.rules.deadline(table.state)).isEqualTo(handStart.plus(TURN));
        Instant betTime = table.clock.plusSeconds(7);

        table.accept(new Bet(table.id(), TABLE, betTime, "bob", 10));

        assertThat(table.rules.deadline(table.state)).isEqualTo(betTime.plus(TURN));
        table.pack("cat").pack("ann");
        assertThat(table.rules.deadline(table.state)).isNull();
    }

    @Test
    void theTimeOutEventPacksTheAwaitedPlayerAndTheNextTurnStartsAtTheDeadline() {
        Instant deadline = table.rules.deadline(table.state);
        TurnTimeout timeout = (TurnTimeout) table.rules.deadlineEvent(table.state, deadline);

        assertThat(timeout).isEqualTo(new TurnTimeout("t1:timeout:1:1", TABLE, deadline, "bob", 1, 1));
        table.accept(timeout);

        assertThat(table.player("bob").packed()).isTrue();
        assertThat(table.awaited()).isEqualTo("cat");
        assertThat(table.hand().turnStarted()).isEqualTo(deadline);
        assertThat(table.hand().log()).extracting(HandAction::move).containsExactly(HandAction.Move.TIMEOUT);
        assertThat(table.rules.deadlineEvent(table.state, deadline.plus(TURN)).eventId()).isEqualTo("t1:timeout:1:2");
    }

    @Test
    void aLaterEventAppliesTheOverdueTimeOutFirstWithTheSameOutcome() {
        Instant deadline = table.rules.deadline(table.state);
        Bet late = new Bet("late", TABLE, deadline.plusSeconds(1), "cat", 10);
        TableDriver timerFirst = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);
        timerFirst.accept(timerFirst.rules.deadlineEvent(timerFirst.state, deadline)).accept(late);

        table.accept(late);

        assertThat(Json.tree(table.state)).isEqualTo(Json.tree(timerFirst.state));
        assertThat(table.player("bob").packed()).isTrue();
        assertThat(table.awaited()).isEqualTo("ann");
    }

    @Test
    void anActionAtTheDeadlineIsLateAndOneJustBeforeIsInTime() {
        Instant deadline = table.rules.deadline(table.state);

        assertThat(table.rejects(new Bet("at", TABLE, deadline, "bob", 10))).isEqualTo("bob is out of hand 1");
        table.accept(new Bet("before", TABLE, deadline.minusMillis(1), "bob", 10));
        assertThat(table.player("bob").inPlay()).isTrue();
    }

    @Test
    void overdueTimeOutsFollowOneAnotherUntilTheHandEnds() {
        Instant deadline = table.rules.deadline(table.state);
        HandStart next = new HandStart("next", TABLE, deadline.plus(TURN).plusSeconds(5), 2);

        table.accept(next);

        assertThat(table.hand().number()).isEqualTo(2);
        assertThat(table.chips("ann")).as("ann won hand 1 when bob and then cat timed out").isEqualTo(1_000 + 20 - 10);
    }

    @Test
    void aTimeOutMustBeDueCurrentAndForTheAwaitedPlayer() {
        Instant deadline = table.rules.deadline(table.state);

        assertThat(table.rejects(new TurnTimeout("x", TABLE, deadline.minusMillis(1), "bob", 1, 1)))
                .startsWith("the time-out at " + deadline.minusMillis(1) + " comes before the turn's deadline");
        assertThat(table.rejects(new TurnTimeout("x", TABLE, deadline, "cat", 1, 1)))
                .isEqualTo("the time-out names cat, but hand 1 waits for bob");
        table.bet("bob", 10);
        assertThat(table.rejects(new TurnTimeout("x", TABLE, table.clock, "bob", 1, 1)))
                .isEqualTo("the time-out of hand 1 turn 1 is stale: hand 1 is at turn 2");
    }

    @Test
    void theAnswererOfASideShowWhoTimesOutPacks() {
        table.see("bob").bet("bob", 20).see("cat").sideShow("cat");
        assertThat(table.awaited()).isEqualTo("bob");

        table.accept(table.rules.deadlineEvent(table.state, table.rules.deadline(table.state)));

        assertThat(table.player("bob").packed()).isTrue();
        assertThat(table.hand().sideShow()).isNull();
        assertThat(table.awaited()).isEqualTo("ann");
    }

    @Test
    void aTimeOutThatLeavesOnePlayerEndsTheHand() {
        table.pack("bob");
        table.accept(table.rules.deadlineEvent(table.state, table.rules.deadline(table.state)));

        assertThat(table.hand().result().winners()).containsExactly(new Winner(1, "ann", 30));
        assertThat(table.rules.deadline(table.state)).isNull();
    }

    /** Folds the awaited player's time-out at its deadline. */
    private static void timeOut(TableDriver t) {
        t.accept(t.rules.deadlineEvent(t.state, t.rules.deadline(t.state)));
    }

    @Test
    void aPlayerWhoOnlyRanOutOfTimeTwoHandsInARowIsStoodUpWithTheirChips() {
        // hand 1: bob only times out, cat and ann play on (ann wins when cat packs)
        timeOut(table);
        table.pack("cat");
        assertThat(table.state.seatOf("bob")).as("one absent hand is not yet enough").isPresent();
        long bobsChips = table.chips("bob");
        long onTable = table.state.chipsOnTable();

        table.start(2);
        while (!table.hand().over()) {
            if (table.awaited().equals("bob")) {
                timeOut(table);
            } else if (table.player("bob").packed()) {
                table.pack(table.awaited());
            } else {
                table.bet(table.awaited(), 10);
            }
        }
        boolean bobOnlyTimedOut = table.hand().log().stream().filter(a -> a.playerId().equals("bob"))
                .allMatch(a -> a.move() == HandAction.Move.TIMEOUT);
        assertThat(bobOnlyTimedOut).isTrue();
        assertThat(table.state.seatOf("bob")).as("stood up after the second absent hand").isEmpty();
        long bobPaid = table.hand().playerOf("bob").orElseThrow().paid();
        assertThat(table.state.chipsOnTable()).as("bob left with what he had not put in the pot; the rest stayed")
                .isEqualTo(onTable - (bobsChips - bobPaid));
    }

    @Test
    void anyMoveInAHandClearsThePlayersAbsence() {
        timeOut(table);
        table.pack("cat");
        table.start(2);
        while (!table.hand().over()) {
            if (table.awaited().equals("bob")) {
                table.pack("bob");
            } else {
                timeOut(table);
            }
        }
        assertThat(table.state.seatOf("bob")).isPresent();
        assertThat(table.state.seatOf("bob").orElseThrow().absentHands()).as("bob acted in hand 2").isNull();
    }
}
