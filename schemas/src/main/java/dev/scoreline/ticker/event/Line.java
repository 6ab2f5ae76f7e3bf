package dev.scoreline.ticker.event;

import java.util.List;

/**
 * One match as the ticker shows it: short on purpose, since every player at every table receives
 * each change of it.
 *
 * @param status {@code live}, {@code innings break} or {@code completed}
 * @param batting the team of the latest innings, absent before the first
 * @param score {@code <runs>/<wickets>} of the latest innings, absent before the first
 * @param overs overs of the latest innings, such as {@code 17.3}, absent before the first
 * @param target what the latest innings chases, absent when it chases nothing or the match is completed
 * @param result how the match ended, such as {@code Mumbai Indians won by 8 wickets}; only once completed
 */
public record Line(
        List<String> teams,
        String status,
        String batting,
        String score,
        String overs,
        Integer target,
        String result) {

    public Line {
        teams = List.copyOf(teams);
    }
}
