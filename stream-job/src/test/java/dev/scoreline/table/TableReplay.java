package dev.scoreline.table;

import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.table.event.TableEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a stream of many tables' events the way the job does, one state per table: with
 * {@code timers} on, it first folds the rules' time-out event of every deadline that has passed by
 * the event's time (the job's event-time timers); with them off it leaves overdue time-outs to the
 * rules. A test watches every step.
 */
final class TableReplay {

    /** One folded event: the table's state before and after it. */
    record Step(TableEvent event, TableState before, TableState after, boolean fromTimer) {}

    interface Watcher {
        void step(Step step);
    }

    private final TeenPattiRules rules = new TeenPattiRules();
    private final boolean timers;
    private final Map<String, TableState> tables = new HashMap<>();

    TableReplay(boolean timers) {
        this.timers = timers;
    }

    Map<String, TableState> tables() {
        return tables;
    }

    TeenPattiRules rules() {
        return rules;
    }

    /** Folds every event, telling {@code watcher} each step; throws on a rejected event. */
    List<Step> fold(Iterable<TableEvent> events, Watcher watcher) {
        List<Step> steps = new ArrayList<>();
        for (TableEvent event : events) {
            if (timers) {
                fireTimersDueBy(event.tableId(), event.eventTime(), step -> {
                    steps.add(step);
                    watcher.step(step);
                });
            }
            Step step = foldOne(event, false);
            steps.add(step);
            watcher.step(step);
        }
        return steps;
    }

    private void fireTimersDueBy(String tableId, Instant time, Watcher watcher) {
        TableState state = tables.get(tableId);
        while (state != null && rules.deadline(state) != null && !rules.deadline(state).isAfter(time)) {
            watcher.step(foldOne(rules.deadlineEvent(state, rules.deadline(state)), true));
            state = tables.get(tableId);
        }
    }

    private Step foldOne(TableEvent event, boolean fromTimer) {
        TableState before = tables.get(event.tableId());
        Decision<TableState> decision = rules.apply(before, event, List::of);
        if (decision instanceof Decision.Rejected<TableState> rejected) {
            throw new AssertionError("rejected " + event + ": " + rejected.reason());
        }
        TableState after = ((Decision.Accepted<TableState>) decision).state();
        tables.put(event.tableId(), after);
        return new Step(event, before, after, fromTimer);
    }
}
