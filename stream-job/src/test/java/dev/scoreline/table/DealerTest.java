package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableClose;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TableOpen;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The job's dealer: with a secret, a table deals its next hand by itself, {@link Dealer#PAUSE} after
 * it became ready, as a deadline of the rules, with a seed derived from the secret that the change
 * log keeps hidden until the hand ends.
 */
class DealerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T18:00:00Z");
    private static final TableConfig CONFIG = new TableConfig(6, 10, 100, 3, 1_000, 30, null, null);
    private static final Dealer DEALER = new Dealer("s3cret");

    /** A table run through the engine as the job runs it, keeping its change log. */
    private static final class Table {
        final EntityEngine<TableState, TableEvent> engine;
        EntityRecord<TableState> record;
        final List<ChangeLogEntry> log = new ArrayList<>();

        Table(TeenPattiRules rules) {
            engine = new EntityEngine<>(rules, SnapshotPolicy.DEFAULT);
        }

        Table send(TableEvent event) {
            EntityEngine.Step<TableState, TableEvent> step = engine.apply(record, null, event, List::of, "ep");
            assertThat(step.rejection()).as("%s", event).isNull();
            record = step.record();
            log.addAll(step.changeLog());
            return this;
        }

        /** The watermark reached {@code time}: the job's timer at the deadline fires. */
        Table at(Instant time) {
            EntityEngine.Step<TableState, TableEvent> step = engine.expire(record, null, time, List::of);
            record = step.record();
            log.addAll(step.changeLog());
            return this;
        }

        Instant deadline() {
            return engine.rules().deadline(record.state());
        }

        TableState state() {
            return record.state();
        }
    }

    private static Table seated(Dealer dealer, int players) {
        Table table = new Table(dealer == null ? new TeenPattiRules() : new TeenPattiRules(dealer));
        table.send(new TableOpen("o", "t1", T0, CONFIG));
        for (int i = 1; i <= players; i++) {
            table.send(new PlayerSit("s" + i, "t1", T0.plusSeconds(i), "p" + i, i, 1_000));
        }
        return table;
    }

    @Test
    void aTableDealsItsFirstHandAPauseAfterTheSecondPlayerSat() {
        Table table = seated(DEALER, 2);
        Instant dealt = T0.plusSeconds(2).plus(Dealer.PAUSE);
        assertThat(table.deadline()).isEqualTo(dealt);

        table.at(dealt.minusMillis(1));
        assertThat(table.state().hands()).isZero();
        table.at(dealt);

        assertThat(table.state().hands()).isEqualTo(1);
        assertThat(table.state().hand().seed()).isEqualTo(DEALER.seed("t1", 1));
        ChangeLogEntry deal = table.log.get(table.log.size() - 1);
        assertThat(deal.eventId()).isEqualTo("t1:hand:1");
        assertThat(deal.eventType()).isEqualTo(HandStart.TYPE);
        assertThat(deal.eventTime()).isEqualTo(dealt);
        assertThat(deal.event().has("seed")).as("hidden until the hand ends").isFalse();
        assertThat(table.deadline()).as("now the first turn's").isEqualTo(dealt.plus(CONFIG.turnTimeout()));
    }

    @Test
    void theNextHandIsDealtAPauseAfterTheLastEndedAndItsSeedIsRevealedThen() {
        Table table = seated(DEALER, 2);
        table.at(table.deadline());
        String awaited = table.state().hand().player(table.state().hand().awaitedSeat()).orElseThrow().playerId();
        Instant ended = table.state().hand().turnStarted().plusSeconds(5);
        table.send(new Pack("pk", "t1", ended, awaited));

        JsonNode revealed = table.log.get(table.log.size() - 1).revealed();
        assertThat(revealed.path("seed").asLong()).isEqualTo(DEALER.seed("t1", 1));
        assertThat(table.deadline()).isEqualTo(ended.plus(Dealer.PAUSE));

        table.at(ended.plus(Dealer.PAUSE));

        assertThat(table.state().hands()).isEqualTo(2);
        assertThat(table.state().hand().seed()).isEqualTo(DEALER.seed("t1", 2));
        assertThat(table.log.get(table.log.size() - 1).eventId()).isEqualTo("t1:hand:2");
        assertThat(table.log).filteredOn(e -> e.eventType().equals(HandStart.TYPE))
                .allSatisfy(e -> assertThat(e.event().has("seed")).isFalse());
    }

    @Test
    void aHandEndedByATimeOutIsFollowedAPauseAfterItsDeadlineWhicheverCameFirst() {
        Table timers = seated(DEALER, 2);
        timers.at(timers.deadline());
        Instant timedOut = timers.deadline();
        timers.at(timedOut).at(timedOut.plus(Dealer.PAUSE));

        Table lateEvent = seated(DEALER, 2);
        lateEvent.at(lateEvent.deadline());
        lateEvent.send(new PlayerSit("s3", "t1", timedOut.plus(Dealer.PAUSE).plusSeconds(1), "p3", 3, 1_000));

        assertThat(timers.state().hands()).isEqualTo(2);
        assertThat(lateEvent.log.subList(0, timers.log.size()))
                .extracting(ChangeLogEntry::eventId, ChangeLogEntry::version, ChangeLogEntry::eventTime)
                .containsExactlyElementsOf(timers.log.stream()
                        .map(e -> tuple(e.eventId(), e.version(), e.eventTime()))
                        .toList());
    }

    @Test
    void oneSeatedPlayerIsNotDealtAndALaterSecondStartsThePause() {
        Table table = seated(DEALER, 1);
        assertThat(table.deadline()).isNull();

        table.send(new PlayerSit("s2", "t1", T0.plusSeconds(60), "p2", 2, 1_000));

        assertThat(table.deadline()).isEqualTo(T0.plusSeconds(60).plus(Dealer.PAUSE));
    }

    @Test
    void aPlayerLeftWithoutTheBootDoesNotCount() {
        Table table = new Table(new TeenPattiRules(DEALER));
        table.send(new TableOpen("o", "t1", T0, CONFIG));
        table.send(new PlayerSit("s1", "t1", T0.plusSeconds(1), "p1", 1, 1_000));
        table.send(new PlayerSit("s2", "t1", T0.plusSeconds(2), "p2", 2, 10));
        table.at(table.deadline());
        table.send(new Pack("pk", "t1", T0.plusSeconds(10), "p2"));

        assertThat(table.state().seatOf("p2").orElseThrow().chips()).isZero();
        assertThat(table.deadline()).isNull();
    }

    @Test
    void aClosedTableOrOneLeftByAPlayerDealsNothing() {
        Table closed = seated(DEALER, 2);
        closed.send(new TableClose("c", "t1", T0.plusSeconds(3)));
        assertThat(closed.deadline()).isNull();
        closed.at(T0.plusSeconds(60));
        assertThat(closed.state().hands()).isZero();

        Table left = seated(DEALER, 2);
        left.send(new PlayerLeave("l", "t1", T0.plusSeconds(3), "p1"));
        assertThat(left.deadline()).isNull();
    }

    @Test
    void withoutADealerOnlyHandStartEventsDeal() {
        Table table = seated(null, 3);

        assertThat(table.deadline()).isNull();
        table.at(T0.plusSeconds(60));
        assertThat(table.state().hands()).isZero();
        assertThat(table.state().readySince()).as("the state is the same either way").isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void theSameSecretDealsTheSameSeedsAndAnotherOthers() {
        assertThat(new Dealer("s3cret").seed("t1", 1)).isEqualTo(DEALER.seed("t1", 1));
        assertThat(new Dealer("other").seed("t1", 1)).isNotEqualTo(DEALER.seed("t1", 1));
        assertThat(DEALER.seed("t1", 2)).isNotEqualTo(DEALER.seed("t1", 1));
        assertThat(DEALER.seed("t2", 1)).isNotEqualTo(DEALER.seed("t1", 1));
    }

    @Test
    void aSeedIsTheFirst53BitsOfTheHmacAsHandStartAllowsNoMore() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        byte[] digest = mac.doFinal("t1:1".getBytes(StandardCharsets.UTF_8));

        assertThat(DEALER.seed("t1", 1)).isEqualTo(ByteBuffer.wrap(digest).getLong() >>> 11);
        for (int hand = 1; hand <= 1_000; hand++) {
            assertThat(DEALER.seed("t1", hand)).isBetween(0L, (1L << 53) - 1);
        }
    }
}
