package dev.scoreline.match.cricsheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.MatchEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded matches on the test classpath, every one of them, whatever is added later: the IPL
 * ({@code data/cricsheet}) and other formats ({@code data/cricsheet-formats}); and each one as the
 * events of a match, for the tests of this module and, through its test-jar, of the cluster.
 */
public final class CricsheetRecords {

    private CricsheetRecords() {}

    public static List<Path> all() {
        return Stream.concat(in("cricsheet").stream(), in("cricsheet-formats").stream()).toList();
    }

    /** The records of one folder of {@code data/}. */
    public static List<Path> in(String folder) {
        URL dir = CricsheetRecords.class.getResource("/data/" + folder);
        if (dir == null) {
            throw new IllegalStateException("data/" + folder + " is not on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<Path> records = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            if (records.isEmpty()) {
                throw new IllegalStateException("no Cricsheet records in " + dir);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record {@code <id>.json} of {@code data/cricsheet} or {@code data/cricsheet-formats}. */
    public static Path record(String id) {
        URL ipl = CricsheetRecords.class.getResource("/data/cricsheet/" + id + ".json");
        URL record = ipl != null ? ipl : CricsheetRecords.class.getResource("/data/cricsheet-formats/" + id + ".json");
        if (record == null) {
            throw new IllegalArgumentException("no recorded match " + id + " on the test classpath");
        }
        try {
            return Path.of(record.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded match {@code id} as events. */
    public static List<MatchEvent> events(String id) {
        return CricsheetConverter.convert(record(id));
    }

    /** The recorded matches {@code ids} as events, by id, in the order given. */
    public static Map<String, List<MatchEvent>> matches(String... ids) {
        Map<String, List<MatchEvent>> matches = new LinkedHashMap<>();
        for (String id : ids) {
            matches.put(id, events(id));
        }
        return matches;
    }

    /** The recorded match {@code id} as the events of a match with the id {@code matchId}. */
    public static List<MatchEvent> events(String id, String matchId) {
        return CricsheetConverter.convert(tree(record(id)), matchId);
    }

    public static JsonNode tree(Path record) {
        try {
            return Json.tree(Files.readAllBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String matchId(Path record) {
        String name = record.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
