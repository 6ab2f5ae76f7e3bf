package dev.scoreline.match.event;

import java.time.Instant;

/**
 * Revises the target of the latest innings (a rain rule's new par), at any point of it and also
 * after the scorer's own end of the chase: the result follows the last revision.
 */
public record InningsTarget(String eventId, String matchId, Instant eventTime, InningsStart.Target target)
        implements MatchEvent {

    public static final String TYPE = "innings.target";
}
