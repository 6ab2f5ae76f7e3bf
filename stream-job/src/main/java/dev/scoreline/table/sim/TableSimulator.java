package dev.scoreline.table.sim;

import dev.scoreline.table.TeenPattiRules;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Simulated Teen Patti tables for the demo, tests and benchmarks: bots that play legal, varied
 * hands (blind and seen bets, packs, shows, side shows, time-outs, players leaving and joining),
 * as the stream of {@link TableEvent}s a table service would send for {@code tables} tables,
 * merged in order of event time (never decreasing; strictly increasing within a table).
 *
 * <p>Everything follows from the seed: the same seed and settings give the same events. Event
 * times are virtual, starting at {@link Settings#start()}; a replayer paces them. A bot that
 * times out simply stays silent: the stream holds no time-out event (the job makes those), and
 * the table's next event comes after the deadline.
 */
public final class TableSimulator implements Iterator<TableEvent> {

    /**
     * @param tables how many tables, named {@code <tablePrefix>1} to {@code <tablePrefix><tables>}
     * @param playersPerTable how many seats the bots keep filled, 2 to the table's seats
     * @param handsPerTable how many hands each table plays before it closes; 0 for no end
     * @param timeoutChance the chance that an awaited bot lets its turn time out
     */
    public record Settings(
            int tables,
            String tablePrefix,
            TableConfig config,
            int playersPerTable,
            int handsPerTable,
            Instant start,
            double timeoutChance) {

        public Settings {
            if (tables < 1) {
                throw new IllegalArgumentException("simulate at least one table, not " + tables);
            }
            if (playersPerTable < 2 || playersPerTable > config.seats()) {
                throw new IllegalArgumentException(
                        "players per table must be 2 to " + config.seats() + ", not " + playersPerTable);
            }
            if (handsPerTable < 0 || timeoutChance < 0 || timeoutChance >= 1) {
                throw new IllegalArgumentException(
                        "hands per table must be 0 or more and the time-out chance in [0, 1)");
            }
        }

        /** The demo's tables, {@code demo-1} to {@code demo-<tables>}: six seats, five players, no end. */
        public static Settings demo(int tables, Instant start) {
            return new Settings(tables, "demo-", defaultConfig(), 5, 0, start, 0.03);
        }

        /** {@code tables} tables of {@code hands} hands each, closed at the end. */
        public static Settings finite(int tables, int hands, Instant start) {
            return new Settings(tables, "sim-", defaultConfig(), 4, hands, start, 0.03);
        }

        public static TableConfig defaultConfig() {
            return new TableConfig(6, 10, 640, 3, 1_000, 20, null, null);
        }

        public Settings withPlayers(int players) {
            return new Settings(tables, tablePrefix, config, players, handsPerTable, start, timeoutChance);
        }

        public Settings withConfig(TableConfig newConfig) {
            return new Settings(tables, tablePrefix, newConfig, playersPerTable, handsPerTable, start, timeoutChance);
        }

        public Settings withTimeoutChance(double chance) {
            return new Settings(tables, tablePrefix, config, playersPerTable, handsPerTable, start, chance);
        }
    }

    private final PriorityQueue<SimulatedTable> queue = new PriorityQueue<>(Comparator.comparing(
                    (SimulatedTable t) -> t.pending().eventTime())
            .thenComparingInt(SimulatedTable::index));

    public TableSimulator(long seed, Settings settings) {
        TeenPattiRules rules = new TeenPattiRules();
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < settings.tables(); i++) {
            queue.add(new SimulatedTable(rules, settings, i, root.split()));
        }
    }

    /** Every event of a finite simulation ({@link Settings#handsPerTable()} above 0). */
    public static List<TableEvent> play(long seed, Settings settings) {
        if (settings.handsPerTable() == 0) {
            throw new IllegalArgumentException("an endless simulation has no list of all its events");
        }
        List<TableEvent> events = new ArrayList<>();
        new TableSimulator(seed, settings).forEachRemaining(events::add);
        return events;
    }

    public Stream<TableEvent> stream() {
        int characteristics = Spliterator.ORDERED | Spliterator.NONNULL;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, characteristics), false);
    }

    @Override
    public boolean hasNext() {
        return !queue.isEmpty();
    }

    @Override
    public TableEvent next() {
        SimulatedTable table = queue.poll();
        if (table == null) {
            throw new NoSuchElementException("every simulated table is closed");
        }
        TableEvent event = table.emit();
        if (table.pending() != null) {
            queue.add(table);
        }
        return event;
    }
}
