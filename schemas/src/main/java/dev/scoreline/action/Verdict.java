package dev.scoreline.action;

import java.time.Instant;

/**
 * The job's answer to a player's action, on the {@code verdicts} topic keyed by the player, so that
 * every gateway can hand it to the player's connections wherever they are. A retried action gets
 * its verdict again, the same one.
 *
 * @param actionId the client's name for the action (the {@code id} of its {@code act} frame)
 * @param channel the public channel of the entity acted on, such as {@code table:demo-1}
 * @param eventId the event the action became
 * @param version when accepted, the entity's version that includes the action: a client holding a
 *     channel of the entity at this version or later sees its effect; null when refused
 * @param reason when refused, a sentence for the player (the rules' reason); null when accepted
 * @param decidedAt when the job decided (its clock): for latency figures, not for ordering
 */
public record Verdict(
        String playerId,
        String actionId,
        String channel,
        String eventId,
        boolean accepted,
        Long version,
        String reason,
        Instant decidedAt) {

    public static Verdict accepted(Actions.Action action, String channel, String eventId, long version,
            Instant decidedAt) {
        return new Verdict(action.playerId(), action.actionId(), channel, eventId, true, version, null, decidedAt);
    }

    public static Verdict refused(Actions.Action action, String channel, String eventId, String reason,
            Instant decidedAt) {
        return new Verdict(action.playerId(), action.actionId(), channel, eventId, false, null, reason, decidedAt);
    }
}
