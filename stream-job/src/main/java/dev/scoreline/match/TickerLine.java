package dev.scoreline.match;

import dev.scoreline.delta.Channel;
import dev.scoreline.entity.Message;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.ticker.event.Line;
import dev.scoreline.ticker.event.MatchLine;
import dev.scoreline.topic.Topic;
import java.util.List;

/**
 * A match's line on the ticker ({@code scores}), and the message that sends it there. The line is
 * what a player at any table needs at a glance, and no more: every change of it goes to every
 * player, so a ball's ticker delta must stay a small fraction of its scorecard delta.
 */
public final class TickerLine {

    private TickerLine() {}

    public static Line of(MatchState state) {
        Innings last = state.lastInnings();
        if (last == null) {
            return new Line(state.teams(), state.status(), null, null, null, null, null);
        }
        boolean completed = state.completed();
        return new Line(
                state.teams(),
                state.status(),
                last.team(),
                last.runs() + "/" + last.wickets(),
                last.overs(state.ballsPerOver()),
                completed || last.target() == null ? null : last.target().runs(),
                completed ? state.result().toString() : null);
    }

    /**
     * The line {@code after} sends the ticker when {@code event} changed it, none when it did not
     * (most balls of a line change it; a confirming innings end does not).
     *
     * @param version the match's version after {@code event}, which names the line's event
     */
    public static List<Message> messages(MatchEvent event, MatchState before, MatchState after, long version) {
        Line line = of(after);
        if (before != null && line.equals(of(before))) {
            return List.of();
        }
        return List.of(new Message(Topic.TICKER_EVENTS, new MatchLine(MatchLine.idOf(after.matchId(), version),
                Channel.SCORES, event.eventTime(), after.matchId(), version, line)));
    }
}
