package dev.scoreline.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.ticker.TickerRules;
import dev.scoreline.ticker.event.TickerEvent;
import dev.scoreline.testkit.Feeds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules that report their changes ({@link EntityRules#changes}) give the engine exactly the
 * outputs it makes by building and diffing the whole views after every event (the engine before
 * rules could report, which is what the rules run as here when wrapped by {@link #diffing}): the
 * same change log, messages, deltas and snapshots, record for record, for the same events and the
 * same publication points.
 */
class ReportedChangesTest {

    private static final Pattern EVICTED =
            Pattern.compile("\\{\"path\":\"/matches/[^\"]+\",\"before\":(\"[^\"]*\"|[^,{}\\[\\]]+|\\[[^\\]]*\\])\\}");

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 50})
    void theTickerReportsWhatTheDiffOfItsWholeViewFinds(int publishEvery) {
        // few lines kept, so that lines of completed and of live matches are evicted too
        TickerRules rules = new TickerRules(2, 5);
        List<TickerEvent> lines = recordedLines();

        List<String> reported = outputs(rules, lines, publishEvery);
        List<String> diffed = outputs(diffing(rules), lines, publishEvery);

        assertThat(reported).hasSameSizeAs(diffed);
        for (int i = 0; i < diffed.size(); i++) {
            assertThat(reported.get(i)).as("output %d of %d", i, diffed.size()).isEqualTo(diffed.get(i));
        }
        // a line evicted: a change with a value before and none after (a null member is left out)
        assertThat(diffed).anyMatch(out -> out.startsWith("change-log ") && EVICTED.matcher(out).find());
        assertThat(diffed).anyMatch(out -> out.startsWith("delta"));
    }

    /**
     * The ticker lines the recorded matches send, interleaved ball by ball, with every tenth line
     * sent again after the next (late: it changes nothing).
     */
    private static List<TickerEvent> recordedLines() {
        Scorer scorer = new Scorer();
        List<List<TickerEvent>> perMatch = new ArrayList<>();
        for (Path record : CricsheetRecords.in("cricsheet")) {
            List<TickerEvent> sent = new ArrayList<>();
            MatchState state = null;
            long version = 0;
            for (MatchEvent event : CricsheetRecords.events(CricsheetRecords.matchId(record))) {
                EntityRules.Decision<MatchState> decision = scorer.apply(state, event, List::of);
                if (decision instanceof EntityRules.Decision.Accepted<MatchState> accepted) {
                    version++;
                    for (Message message : scorer.messages(event, state, accepted.state(), version)) {
                        sent.add((TickerEvent) message.event());
                    }
                    state = accepted.state();
                }
            }
            perMatch.add(sent);
        }
        List<TickerEvent> interleaved = Feeds.interleave(perMatch);
        List<TickerEvent> withLate = new ArrayList<>();
        for (int i = 0; i < interleaved.size(); i++) {
            withLate.add(interleaved.get(i));
            if (i % 10 == 1) {
                withLate.add(interleaved.get(i - 1));
            }
        }
        return withLate;
    }

    /** Every output of folding {@code events} into one entity, published after every {@code publishEvery}. */
    static <S, E extends EntityEvent> List<String> outputs(EntityRules<S, E> rules, List<E> events, int publishEvery) {
        EntityEngine<S, E> engine = new EntityEngine<>(rules, new SnapshotPolicy(25, Duration.ofSeconds(30)));
        List<String> out = new ArrayList<>();
        List<E> history = new ArrayList<>();
        EntityRecord<S> record = null;
        Views<S> views = null;
        long now = 0;
        int folded = 0;
        for (E event : events) {
            EntityEngine.Step<S, E> step = engine.apply(record, views, event, () -> List.copyOf(history), "epoch");
            if (step.rejected()) {
                out.add("rejected " + step.rejection());
            }
            history.addAll(step.accepted());
            for (ChangeLogEntry entry : step.changeLog()) {
                out.add("change-log " + Json.string(entry));
            }
            for (Message message : step.messages()) {
                out.add("message " + message.topic() + " " + message.key() + " " + Json.string(message.event()));
            }
            record = step.record();
            views = step.views();
            if (++folded % publishEvery == 0 && record != null) {
                now += 1_000;
                EntityEngine.Publication<S> publication = engine.publish(record, views, now);
                publication.deltas().forEach(delta -> out.add("delta " + Json.string(delta)));
                publication.snapshots().forEach(snapshot -> out.add("snapshot " + Json.string(snapshot)));
                record = publication.record();
                views = publication.views();
            }
        }
        out.add("record " + Json.string(record));
        return out;
    }

    /**
     * The rules as the engine ran them before they could report their changes: every call goes
     * to them but {@link EntityRules#changes}, which says nothing, so the engine diffs their views.
     */
    @SuppressWarnings("unchecked")
    static <S, E extends EntityEvent> EntityRules<S, E> diffing(EntityRules<S, E> rules) {
        return (EntityRules<S, E>) Proxy.newProxyInstance(EntityRules.class.getClassLoader(),
                new Class<?>[] {EntityRules.class}, (proxy, method, args) -> {
                    if (method.getName().equals("changes")) {
                        return null;
                    }
                    try {
                        return method.invoke(rules, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
