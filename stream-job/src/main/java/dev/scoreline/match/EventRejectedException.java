package dev.scoreline.match;

import dev.scoreline.match.event.MatchEvent;

/** Thrown by {@link Scorer#fold} when the rules refuse one of the events, with the rules' reason. */
public class EventRejectedException extends IllegalArgumentException {

    private final transient MatchEvent event;
    private final String reason;

    public EventRejectedException(MatchEvent event, int index, String reason) {
        super("event at index " + index + " (" + event.type() + " " + event.eventId() + ") rejected: " + reason);
        this.event = event;
        this.reason = reason;
    }

    public MatchEvent event() {
        return event;
    }

    public String reason() {
        return reason;
    }
}
