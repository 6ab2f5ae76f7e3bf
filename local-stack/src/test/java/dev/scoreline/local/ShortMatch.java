package dev.scoreline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The short match the demo tests replay: Cricsheet 1178424, five overs a side, no result. Its
 * totals come from the record itself, independently of the scoring code.
 */
final class ShortMatch {

    static final String ID = "1178424";
    static final String CHANNEL = "match:" + ID;

    /** Dismissals that are not wickets (docs/domain.md, "The match state"). */
    private static final Set<String> NOT_WICKETS = Set.of("retired hurt", "retired not out");

    private ShortMatch() {}

    /** A folder holding only this match, for {@code --matches}. */
    static Path folder(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("matches"));
        try (InputStream in = record()) {
            Files.copy(in, dir.resolve(ID + ".json"));
        }
        return dir;
    }

    /** Runs and wickets of each innings, summed from the record's deliveries. */
    record InningsTotal(String team, int runs, int wickets) {}

    static List<InningsTotal> totals() throws IOException {
        JsonNode match;
        try (InputStream in = record()) {
            match = Json.MAPPER.readTree(in);
        }
        List<InningsTotal> totals = new ArrayList<>();
        for (JsonNode innings : match.path("innings")) {
            int runs = 0;
            int wickets = 0;
            for (JsonNode over : innings.path("overs")) {
                for (JsonNode delivery : over.path("deliveries")) {
                    runs += delivery.path("runs").path("total").asInt();
                    for (JsonNode wicket : delivery.path("wickets")) {
                        wickets += NOT_WICKETS.contains(wicket.path("kind").asText()) ? 0 : 1;
                    }
                }
            }
            totals.add(new InningsTotal(innings.path("team").asText(), runs, wickets));
        }
        return totals;
    }

    /** The record's outcome, such as {@code {"result": "no result"}}. */
    static JsonNode outcome() throws IOException {
        try (InputStream in = record()) {
            return Json.MAPPER.readTree(in).path("info").path("outcome");
        }
    }

    private static InputStream record() {
        InputStream in = ShortMatch.class.getResourceAsStream("/data/cricsheet/" + ID + ".json");
        if (in == null) {
            throw new IllegalStateException("data/cricsheet/" + ID + ".json is not on the test classpath");
        }
        return in;
    }
}
