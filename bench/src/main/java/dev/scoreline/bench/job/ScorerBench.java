package dev.scoreline.bench.job;

import static dev.scoreline.bench.MarkdownTable.num;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.cli.Parsed;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.Views;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.job.EventDecoder;
import dev.scoreline.job.serde.JsonTypeInfo;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The scorer alone, and the per-event work of the job piece by piece, each a single-threaded
 * timed loop over every event of the recorded matches (warmed up first): what one core can fold
 * with no Flink, Kafka or RocksDB around it.
 */
public final class ScorerBench {

    /** Events between publications: the job's default batch-max-events. */
    private static final int BATCH = 50;

    private final Parsed opts;
    private final Consumer<String> log;

    public ScorerBench(Parsed opts, Consumer<String> log) {
        this.opts = opts;
        this.log = log;
    }

    interface Work {
        /** Processes one whole match; returns the events done. */
        int match(int index) throws Exception;
    }

    public MarkdownTable run() throws Exception {
        double warm = opts.get(BenchOptions.WARM_UP_SECONDS);
        double measure = opts.get(BenchOptions.MEASURE_SECONDS);
        List<List<MatchEvent>> matches = Inputs.recorded(BenchOptions.matches(opts));
        List<List<byte[]>> encoded = new ArrayList<>();
        for (List<MatchEvent> m : matches) {
            encoded.add(m.stream().map(Json::bytes).toList());
        }
        Scorer scorer = new Scorer();
        EntityEngine<MatchState, MatchEvent> engine = new EntityEngine<>(scorer, SnapshotPolicy.DEFAULT);
        EventDecoder<MatchEvent> decoder = new EventDecoder<>(MatchEvent.class, "match-event", 64 * 1024);
        @SuppressWarnings("unchecked")
        TypeSerializer<EntityRecord<MatchState>> serializer =
                (TypeSerializer<EntityRecord<MatchState>>) (TypeSerializer<?>)
                        JsonTypeInfo.of(EntityRecord.class, MatchState.class).createSerializer();

        MarkdownTable t = new MarkdownTable("The scorer alone and the job's per-event work, one thread",
                "what", "events/s", "µs per event");
        row(t, "Scorer.apply (the cricket rules alone)", warm, measure, matches.size(), i -> {
            MatchState state = null;
            List<MatchEvent> accepted = new ArrayList<>();
            for (MatchEvent e : matches.get(i)) {
                state = ((EntityRules.Decision.Accepted<MatchState>) scorer.apply(state, e, () -> accepted)).state();
                accepted.add(e);
            }
            return accepted.size();
        });
        row(t, "Scorer.apply + views (MatchView per event)", warm, measure, matches.size(), i -> {
            MatchState state = null;
            List<MatchEvent> accepted = new ArrayList<>();
            for (MatchEvent e : matches.get(i)) {
                state = ((EntityRules.Decision.Accepted<MatchState>) scorer.apply(state, e, () -> accepted)).state();
                scorer.views(state);
                accepted.add(e);
            }
            return accepted.size();
        });
        row(t, "EntityEngine.apply (rules, views, diffs, change log), published every " + BATCH + " events", warm,
                measure, matches.size(), i -> {
                    Folding match = new Folding("e" + i);
                    for (MatchEvent e : matches.get(i)) {
                        match.apply(engine, e);
                        if (match.folded.size() % BATCH == 0) {
                            match.publish(engine);
                        }
                    }
                    return match.folded.size();
                });
        row(t, "EntityEngine.apply, published after every event (many entities, each quiet within a batch interval)",
                warm, measure, matches.size(), i -> {
                    Folding match = new Folding("e" + i);
                    for (MatchEvent e : matches.get(i)) {
                        match.apply(engine, e);
                        match.publish(engine);
                    }
                    return match.folded.size();
                });
        int concurrent = opts.get(BenchOptions.CONCURRENT_MATCHES);
        List<Playing> playing = new ArrayList<>();
        for (int m = 0; m < concurrent; m++) {
            playing.add(new Playing(matches.get(m % matches.size()), "e" + m));
        }
        row(t, "the same, " + concurrent + " matches at once, each event for the next match (as a job task sees them)",
                warm, measure, 1, ignored -> {
                    for (Playing match : playing) {
                        match.step(engine);
                    }
                    return concurrent;
                });
        row(t, "EventDecoder.decode (JSON parse, schema validation, binding)", warm, measure, matches.size(), i -> {
            for (byte[] json : encoded.get(i)) {
                decoder.decode("t", 0, 0, -1, null, json);
            }
            return encoded.get(i).size();
        });
        DataOutputSerializer out = new DataOutputSerializer(64 * 1024);
        DataInputDeserializer in = new DataInputDeserializer();
        row(t, "EntityEngine.apply every " + BATCH + " + the record's state serializer read and written per event "
                + "(the job before its write-back cache; now once per entity per checkpoint)", warm, measure,
                matches.size(), i -> {
                    Folding match = new Folding("e" + i);
                    for (MatchEvent e : matches.get(i)) {
                        if (match.record != null) {
                            out.clear();
                            serializer.serialize(match.record, out);
                            in.setBuffer(out.getSharedBuffer(), 0, out.length());
                            match.record = serializer.deserialize(in);
                            match.views = null;
                        }
                        match.apply(engine, e);
                        if (match.folded.size() % BATCH == 0) {
                            match.publish(engine);
                        }
                    }
                    return match.folded.size();
                });
        t.note("Each row folds all " + matches.size() + " recorded matches over and over for " + measure
                + " s after " + warm + " s of warm-up; the job does all of these per event (and Flink, Kafka and "
                + "RocksDB besides).");
        return t;
    }

    /**
     * One match as the job's keyed function holds it between events: the events folded so far, its
     * record, and the views last built, which travel beside it.
     */
    private static class Folding {
        final List<MatchEvent> folded = new ArrayList<>();
        private final String epoch;
        EntityRecord<MatchState> record;
        Views<MatchState> views;

        Folding(String epoch) {
            this.epoch = epoch;
        }

        void apply(EntityEngine<MatchState, MatchEvent> engine, MatchEvent e) {
            EntityEngine.Step<MatchState, MatchEvent> step = engine.apply(record, views, e, () -> folded, epoch);
            record = step.record();
            views = step.views();
            folded.add(e);
        }

        void publish(EntityEngine<MatchState, MatchEvent> engine) {
            EntityEngine.Publication<MatchState> publication = engine.publish(record, views, 0);
            record = publication.record();
            views = publication.views();
        }
    }

    /** One of many matches folded side by side, starting over after its last event. */
    private static final class Playing extends Folding {
        private final List<MatchEvent> events;

        Playing(List<MatchEvent> events, String epoch) {
            super(epoch);
            this.events = events;
        }

        /** Folds the next event and publishes. */
        void step(EntityEngine<MatchState, MatchEvent> engine) {
            if (folded.size() == events.size()) {
                folded.clear();
                record = null;
                views = null;
            }
            apply(engine, events.get(folded.size()));
            publish(engine);
        }
    }

    private void row(MarkdownTable t, String name, double warm, double measure, int matches, Work work)
            throws Exception {
        loop(work, matches, warm);
        double rate = loop(work, matches, measure);
        log.accept(String.format("%s: %,.0f events/s", name, rate));
        t.row(name, num(rate, 0), num(1e6 / rate, 1));
    }

    private static double loop(Work work, int matches, double seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long events = 0;
        int i = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            events += work.match(i++ % matches);
        }
        return events / ((now - start) / 1e9);
    }
}
