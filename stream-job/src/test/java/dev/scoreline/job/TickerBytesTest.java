package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.Epochs;
import dev.scoreline.entity.Message;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.ticker.TickerRules;
import dev.scoreline.ticker.TickerState;
import dev.scoreline.ticker.event.TickerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the ticker costs each player: for every ball of a recorded match, published on its own (no
 * batching), the bytes of the {@code scores} delta's merge patch against those of the
 * {@code match:<id>} delta's patch for the same ball. Every player receives the ticker, so a
 * ball's ticker patch must be at most a fifth of its scorecard patch on average. The delta's
 * envelope (channel, epoch, from, to: about 70 bytes whatever the channel) is printed too but not
 * held to that bound: alone it is a fifth of an average scorecard delta, so no line could be.
 */
class TickerBytesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1082591", "1082625", "1136564", "1178424", "1181766", "1181768", "1426312", "335988"})
    void aBallsTickerDeltaIsAtMostAFifthOfItsScorecardDelta(String matchId) {
        EntityEngine<MatchState, MatchEvent> matches = new EntityEngine<>(new Scorer(), SnapshotPolicy.DEFAULT);
        EntityEngine<TickerState, TickerEvent> ticker = new EntityEngine<>(new TickerRules(), SnapshotPolicy.DEFAULT);
        List<MatchEvent> history = new ArrayList<>();
        EntityRecord<MatchState> match = null;
        EntityRecord<TickerState> scores = null;
        List<Double> ratios = new ArrayList<>();
        long tickerBytes = 0;
        long matchBytes = 0;
        long tickerDeltaBytes = 0;
        long matchDeltaBytes = 0;
        long now = 0;
        for (MatchEvent event : CricsheetRecords.events(matchId)) {
            now += 1_000;
            EntityEngine.Step<MatchState, MatchEvent> step =
                    matches.apply(match, null, event, () -> List.copyOf(history), Epochs.of("job", matchId, event.eventId()));
            history.addAll(step.accepted());
            EntityEngine.Publication<MatchState> published = matches.publish(step.record(), null, now);
            match = published.record();
            for (Message message : step.messages()) {
                scores = ticker.apply(scores, null, (TickerEvent) message.event(), List::of,
                        Epochs.of("job", Channel.SCORES, message.event().eventId())).record();
            }
            EntityEngine.Publication<TickerState> line = ticker.publish(scores, null, now);
            scores = line.record();
            if (!(event instanceof Delivery)) {
                continue;
            }
            Delta ballTicker = delta(line.deltas(), Channel.SCORES);
            Delta ballMatch = delta(published.deltas(), "match:" + matchId);
            tickerBytes += Json.bytes(ballTicker.patch()).length;
            matchBytes += Json.bytes(ballMatch.patch()).length;
            tickerDeltaBytes += Json.bytes(ballTicker).length;
            matchDeltaBytes += Json.bytes(ballMatch).length;
            ratios.add((double) Json.bytes(ballTicker.patch()).length / Json.bytes(ballMatch.patch()).length);
        }

        double average = ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double worst = ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int balls = ratios.size();
        System.out.printf(Locale.ROOT,
                "ticker bytes, match %s: %d balls; patch a ball: ticker %.0f B, scorecard %.0f B, ratio average %.3f"
                        + " (of totals %.3f), worst ball %.3f; whole delta a ball: ticker %.0f B, scorecard %.0f B,"
                        + " ratio %.3f%n",
                matchId, balls, (double) tickerBytes / balls, (double) matchBytes / balls, average,
                (double) tickerBytes / matchBytes, worst, (double) tickerDeltaBytes / balls,
                (double) matchDeltaBytes / balls, (double) tickerDeltaBytes / matchDeltaBytes);
        assertThat(average).as("average of the balls' ratios").isLessThanOrEqualTo(0.2);
        assertThat((double) tickerBytes / matchBytes).as("total ticker patch bytes against total scorecard patch bytes")
                .isLessThanOrEqualTo(0.2);
    }

    private static Delta delta(List<Delta> deltas, String channel) {
        return deltas.stream().filter(d -> d.channel().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("a ball without a delta on " + channel));
    }
}
