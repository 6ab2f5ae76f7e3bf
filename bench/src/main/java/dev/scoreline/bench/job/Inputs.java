package dev.scoreline.bench.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's input events: many matches made from the recorded ones by giving each copy a
 * new match id (and event ids to match), and many simulated tables.
 */
public final class Inputs {

    /** One input record: its key and its JSON. */
    public record Keyed(String key, byte[] value) {}

    private Inputs() {}

    /** The recorded matches of {@code dir}, each a list of events in play order. */
    public static List<List<MatchEvent>> recorded(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<List<MatchEvent>> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(CricsheetConverter.convert(f));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no Cricsheet record in " + dir);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies of the recorded matches with new ids, {@code prefix + n}, until there are at least
     * {@code events} events; returned as the matches' event lists (each in order).
     */
    public static List<List<Keyed>> matches(List<List<MatchEvent>> recorded, int events, String prefix) {
        List<List<Keyed>> out = new ArrayList<>();
        int total = 0;
        for (int copy = 0; total < events; copy++) {
            List<Keyed> keyed = copy(recorded, copy, prefix);
            out.add(keyed);
            total += keyed.size();
        }
        return out;
    }

    /** {@code count} copies of the recorded matches, ids {@code prefix + n}. */
    public static List<List<Keyed>> copies(List<List<MatchEvent>> recorded, int count, String prefix) {
        List<List<Keyed>> out = new ArrayList<>();
        for (int copy = 0; copy < count; copy++) {
            out.add(copy(recorded, copy, prefix));
        }
        return out;
    }

    /** Copy number {@code copy}: the recorded match it falls on, under the id {@code prefix + copy}. */
    private static List<Keyed> copy(List<List<MatchEvent>> recorded, int copy, String prefix) {
        List<MatchEvent> match = recorded.get(copy % recorded.size());
        String id = prefix + copy;
        List<Keyed> keyed = new ArrayList<>(match.size());
        for (MatchEvent e : match) {
            keyed.add(new Keyed(id, rekey(e, id)));
        }
        return keyed;
    }

    /** The event as JSON with {@code matchId} replaced and its event id's match prefix with it. */
    static byte[] rekey(MatchEvent event, String newId) {
        ObjectNode tree = (ObjectNode) Json.tree(event);
        String oldId = event.matchId();
        String eventId = event.eventId();
        tree.put("matchId", newId);
        tree.put("eventId", eventId.startsWith(oldId) ? newId + eventId.substring(oldId.length()) : newId + ":" + eventId);
        return Json.bytes(tree);
    }

    /**
     * Events of simulated tables, whole hands, at least {@code events} of them: {@code tables}
     * tables ({@code sim-1}, ...) played from one seed, in event-time order.
     */
    public static List<Keyed> tables(int events, int tables, long seed) {
        int hands = Math.max(1, events / Math.max(1, tables * 12));
        while (true) {
            List<TableEvent> played = TableSimulator.play(seed, new TableSimulator.Settings(tables, "sim-",
                    TableSimulator.Settings.defaultConfig(), 4, hands, Instant.parse("2026-01-01T00:00:00Z"), 0.03));
            if (played.size() >= events || hands > 100_000) {
                List<Keyed> out = new ArrayList<>(played.size());
                for (TableEvent e : played) {
                    out.add(new Keyed(e.tableId(), Json.bytes(e)));
                }
                return out;
            }
            hands = hands * 2;
        }
    }

    /** Events of several matches interleaved, one from each in turn: every match keeps its order. */
    public static List<Keyed> interleave(List<List<Keyed>> matches) {
        List<Keyed> out = new ArrayList<>();
        int longest = matches.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Keyed> m : matches) {
                if (i < m.size()) {
                    out.add(m.get(i));
                }
            }
        }
        return out;
    }
}
