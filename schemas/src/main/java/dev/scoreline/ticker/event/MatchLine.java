package dev.scoreline.ticker.event;

import java.time.Instant;

/**
 * A match's new line on the ticker, sent by the match after the event that changed it.
 *
 * @param eventId {@code <matchId>@<matchVersion>}: the same for the same version of the match, so
 *     that a replay of the match after a restore, which sends its lines again, is de-duplicated
 * @param eventTime the match event's time
 * @param matchVersion the match's version after that event: the ticker keeps the line of the
 *     highest version it has seen of each match
 */
public record MatchLine(
        String eventId,
        String tickerId,
        Instant eventTime,
        String matchId,
        long matchVersion,
        Line line)
        implements TickerEvent {

    public static final String TYPE = "ticker.line";

    /** The id of the line a match sends at {@code matchVersion}. */
    public static String idOf(String matchId, long matchVersion) {
        return matchId + "@" + matchVersion;
    }
}
