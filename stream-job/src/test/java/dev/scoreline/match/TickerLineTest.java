package dev.scoreline.match;

import static dev.scoreline.match.Feed.AWAY;
import static dev.scoreline.match.Feed.HOME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Channel;
import dev.scoreline.entity.Message;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.ticker.event.Line;
import dev.scoreline.ticker.event.MatchLine;
import dev.scoreline.topic.Topic;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickerLineTest {

    private static String json(Feed feed) {
        return Json.string(TickerLine.of(feed.state()));
    }

    @Test
    void beforeTheFirstInningsOnlyTheTeamsAndTheStatus() {
        assertThat(json(Feed.match(20, 11))).isEqualTo("{\"teams\":[\"Home\",\"Away\"],\"status\":\"live\"}");
    }

    @Test
    void aFirstInningsInPlayHasItsScoreAndOversButNoTarget() {
        Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4)
                .wicket(0, "H1", "H2", "A1", "bowled", "H1").ball(0, "H3", "H2", "A1", 1);

        assertThat(json(feed)).isEqualTo(
                "{\"teams\":[\"Home\",\"Away\"],\"status\":\"live\",\"batting\":\"Home\",\"score\":\"5/1\",\"overs\":\"0.3\"}");
    }

    @Test
    void anInningsThatEndedByItselfIsABreak() {
        Feed feed = Feed.match(1, 11).innings(HOME).dots(5, 0, "H1", "H2", "A1").ball(0, "H1", "H2", "A1", 6);

        Line line = TickerLine.of(feed.state());

        assertThat(line.status()).isEqualTo(MatchState.INNINGS_BREAK);
        assertThat(line.score()).isEqualTo("6/0");
        assertThat(line.overs()).isEqualTo("1.0");
    }

    @Test
    void aChaseShowsItsTargetUntilTheMatchIsCompletedAndThenTheResult() {
        Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4).endInnings()
                .innings(AWAY, 5, 1).ball(0, "A1", "A2", "H1", 1);
        assertThat(TickerLine.of(feed.state())).isEqualTo(
                new Line(List.of(HOME, AWAY), MatchState.LIVE, AWAY, "1/0", "0.1", 5, null));

        feed.ball(0, "A1", "A2", "H1", 6);

        assertThat(json(feed)).isEqualTo("{\"teams\":[\"Home\",\"Away\"],\"status\":\"completed\",\"batting\":\"Away\","
                + "\"score\":\"7/0\",\"overs\":\"0.2\",\"result\":\"Away won by 10 wickets\"}");
    }

    @Test
    void aMatchWithoutResultSaysSo() {
        Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4).endMatch("no result", null);

        assertThat(TickerLine.of(feed.state()).result()).isEqualTo("no result");
        assertThat(TickerLine.of(feed.state()).target()).isNull();
    }

    @Test
    void anEventThatChangesTheLineSendsItToTheTickerUnderAnIdOfTheMatchAndItsVersion() {
        Feed feed = Feed.match(20, 11).innings(HOME);
        MatchState before = feed.state();
        feed.ball(0, "H1", "H2", "A1", 4);
        MatchEvent ball = feed.events().get(feed.events().size() - 1);

        List<Message> messages = TickerLine.messages(ball, before, feed.state(), 3);

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo(Topic.TICKER_EVENTS);
            assertThat(message.key()).isEqualTo(Channel.SCORES);
            assertThat(message.event()).isEqualTo(new MatchLine(Feed.MATCH + "@3", Channel.SCORES, ball.eventTime(),
                    Feed.MATCH, 3, TickerLine.of(feed.state())));
        });
        assertThat(TickerLine.messages(ball, before, feed.state(), 3)).as("the same every time").isEqualTo(messages);
    }

    @Test
    void anEventThatLeavesTheLineAsItWasSendsNothing() {
        Feed feed = Feed.match(1, 11).innings(HOME).dots(6, 0, "H1", "H2", "A1");
        MatchState before = feed.state();
        feed.endInnings();

        assertThat(TickerLine.messages(feed.events().get(feed.events().size() - 1), before, feed.state(), 9)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1082591", "1082625", "1136564", "1178424", "1181766", "1181768", "1426312", "335988"})
    void everyRecordedMatchEndsCompletedWithItsResultAndSendsALineForMostEvents(String id) throws URISyntaxException {
        List<MatchEvent> events = CricsheetConverter.convert(
                Path.of(TickerLineTest.class.getResource("/data/cricsheet/" + id + ".json").toURI()));
        Scorer scorer = new Scorer();
        List<MatchEvent> accepted = new ArrayList<>();
        List<Message> sent = new ArrayList<>();
        MatchState state = null;
        for (MatchEvent event : events) {
            MatchState next = ((Scorer.Decision.Accepted<MatchState>) scorer.apply(state, event, () -> accepted)).state();
            accepted.add(event);
            sent.addAll(scorer.messages(event, state, next, accepted.size()));
            state = next;
        }

        Line last = ((MatchLine) sent.get(sent.size() - 1).event()).line();
        assertThat(last).isEqualTo(TickerLine.of(state));
        assertThat(last.status()).isEqualTo(MatchState.COMPLETED);
        assertThat(last.result()).isEqualTo(state.result().toString());
        assertThat(sent).extracting(m -> m.event().eventId()).doesNotHaveDuplicates();
        assertThat(sent.size()).as("nearly every ball changes the overs").isGreaterThan(events.size() * 9 / 10);
    }
}
