package dev.scoreline.match.cricsheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded matches on the test classpath, every one of them, whatever is added later: the IPL
 * ({@code data/cricsheet}) and other formats ({@code data/cricsheet-formats}).
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
