package dev.scoreline.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Recorded Cricsheet matches as events, and what the scorer itself makes of them: the expected results. */
final class Matches {

    private Matches() {}

    /** The record {@code data/cricsheet/<record>.json} as the events of a match with the id {@code matchId}. */
    static List<MatchEvent> recorded(String record, String matchId) {
        try (InputStream in = Matches.class.getResourceAsStream("/data/cricsheet/" + record + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded match " + record);
            }
            return CricsheetConverter.convert(Json.MAPPER.readTree(in), matchId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public view of the match after all its events, folded by the scorer directly. */
    static ObjectNode finalView(List<MatchEvent> events) {
        return MatchView.of(Scorer.fold(events));
    }

    /**
     * The version (1-based event count) of the last event that changed the public view: the last
     * version a delta of the match's channel can carry.
     */
    static long lastVisibleVersion(List<MatchEvent> events) {
        JsonNode previous = null;
        long last = 0;
        for (int i = 1; i <= events.size(); i++) {
            JsonNode view = MatchView.of(Scorer.fold(events.subList(0, i)));
            if (!view.equals(previous)) {
                last = i;
            }
            previous = view;
        }
        return last;
    }

    /** The events of several matches taken in turn, as concurrent feeds interleave them. */
    static List<MatchEvent> interleave(List<List<MatchEvent>> feeds) {
        List<Iterator<MatchEvent>> its = feeds.stream().map(List::iterator).toList();
        List<MatchEvent> out = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Iterator<MatchEvent> it : its) {
                if (it.hasNext()) {
                    out.add(it.next());
                    any = true;
                }
            }
        }
        return out;
    }
}
