package dev.scoreline.wallet;

import dev.scoreline.delta.ChangeLogEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The bets as the wallets' own change log tells them: which the matches took, and per bet how many
 * settlements stand (those applied less those a correction took back), which is never more than
 * one, and one for every bet taken once its match has ended.
 *
 * @param taken the bets a wallet heard its match take
 * @param standing per bet, settlements applied less settlements taken back
 */
public record BetLedger(Set<String> taken, Map<String, Integer> standing) {

    /** @param players the wallets to read, by player id */
    public static BetLedger of(Iterable<ChangeLogEntry> changeLog, Predicate<String> players) {
        Set<String> taken = new HashSet<>();
        Map<String, Integer> standing = new HashMap<>();
        Set<String> read = new HashSet<>();
        for (ChangeLogEntry e : changeLog) {
            if (!e.kind().equals("player") || !players.test(e.entityId())) {
                continue;
            }
            // the job writes the change log at least once: a restore writes some entries again, the same
            if (!read.add(e.entityId() + " " + e.epoch() + " " + e.version())) {
                continue;
            }
            String bet = e.event().path("bet").asText();
            switch (e.eventType()) {
                case "bet.taken" -> taken.add(bet);
                case "bet.settled" -> standing.merge(bet, 1, Integer::sum);
                case "bet.unsettled" -> standing.merge(bet, -1, Integer::sum);
                default -> { }
            }
        }
        return new BetLedger(Set.copyOf(taken), Map.copyOf(standing));
    }

    /** The settlements standing of {@code bet}. */
    public int standing(String bet) {
        return standing.getOrDefault(bet, 0);
    }
}
