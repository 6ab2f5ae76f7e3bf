package dev.scoreline.bench.play;

import dev.scoreline.bench.Histogram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The two delays of a move, both from the moment its {@code act} was sent: until the mover reads
 * its verdict, and until another player at the same table reads a delta of the table that
 * includes it ({@code to} at or past the verdict's version). The two arrive on different
 * connections in either order: an observer can read the delta before the mover reads the verdict
 * that names its version, so each player's latest sightings are kept for a moment.
 *
 * <p>Only moves sent within the measuring window count. Thread-safe: every connection's reader
 * calls in.
 */
final class MoveLatencies {

    /** Sightings kept per player and table: far more than arrive between a move and its verdict. */
    static final int SIGHTINGS = 32;

    private record Sighting(long version, long nanos) {}

    private record Waiting(String mover, long version, long sentNanos) {}

    private static final class TableTrack {
        final Map<String, ArrayDeque<Sighting>> seen = new HashMap<>();
        final List<Waiting> waiting = new ArrayList<>();
    }

    private final Map<String, TableTrack> tables = new HashMap<>();
    private final Histogram toVerdict = new Histogram();
    private final Histogram toOthers = new Histogram();
    private long fromNanos = Long.MAX_VALUE;
    private long untilNanos = Long.MAX_VALUE;

    /** Counts the moves sent from {@code fromNanos} (inclusive) until {@code untilNanos}, and forgets earlier counts. */
    synchronized void window(long fromNanos, long untilNanos) {
        this.fromNanos = fromNanos;
        this.untilNanos = untilNanos;
        toVerdict.reset();
        toOthers.reset();
        for (TableTrack t : tables.values()) {
            t.waiting.clear();
        }
    }

    private boolean counted(long sentNanos) {
        return sentNanos >= fromNanos && sentNanos < untilNanos;
    }

    /**
     * The mover read its verdict at {@code nowNanos}; an accepted move names the table's version that
     * includes it, a refused one (version below 0) changes nothing another player could see.
     */
    synchronized void verdict(String table, String mover, long version, long sentNanos, long nowNanos) {
        if (!counted(sentNanos)) {
            return;
        }
        toVerdict.recordNanos(nowNanos - sentNanos);
        if (version < 0) {
            return;
        }
        TableTrack t = tables.computeIfAbsent(table, k -> new TableTrack());
        long first = Long.MAX_VALUE;
        for (Map.Entry<String, ArrayDeque<Sighting>> e : t.seen.entrySet()) {
            if (e.getKey().equals(mover)) {
                continue;
            }
            for (Sighting s : e.getValue()) {
                if (s.version() >= version) {
                    first = Math.min(first, s.nanos());
                    break;
                }
            }
        }
        if (first != Long.MAX_VALUE) {
            toOthers.recordNanos(first - sentNanos);
        } else {
            t.waiting.add(new Waiting(mover, version, sentNanos));
        }
    }

    /** {@code player} read the table at {@code version} (a delta's {@code to}, or a snapshot's version). */
    synchronized void seen(String table, String player, long version, long nowNanos) {
        TableTrack t = tables.computeIfAbsent(table, k -> new TableTrack());
        ArrayDeque<Sighting> mine = t.seen.computeIfAbsent(player, k -> new ArrayDeque<>());
        if (!mine.isEmpty() && mine.peekLast().version() >= version) {
            return;
        }
        if (mine.size() == SIGHTINGS) {
            mine.removeFirst();
        }
        mine.addLast(new Sighting(version, nowNanos));
        for (Iterator<Waiting> i = t.waiting.iterator(); i.hasNext(); ) {
            Waiting w = i.next();
            if (!w.mover().equals(player) && version >= w.version()) {
                toOthers.recordNanos(nowNanos - w.sentNanos());
                i.remove();
            }
        }
    }

    /** Copies of what was recorded in the window: move to verdict, move to another player's delta. */
    synchronized Histogram[] histograms() {
        Histogram v = new Histogram();
        v.add(toVerdict);
        Histogram o = new Histogram();
        o.add(toOthers);
        return new Histogram[] {v, o};
    }

    /** Accepted moves of the window that no other player has seen yet. */
    synchronized int unseen() {
        int n = 0;
        for (TableTrack t : tables.values()) {
            n += t.waiting.size();
        }
        return n;
    }
}
