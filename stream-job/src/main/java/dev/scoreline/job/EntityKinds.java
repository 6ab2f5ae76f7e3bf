package dev.scoreline.job;

import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.table.TableState;
import dev.scoreline.table.TeenPattiRules;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.topic.Topic;
import java.util.List;

/** The entity kinds Scoreline runs. Their names are part of operator uids: never rename them. */
public final class EntityKinds {

    private EntityKinds() {}

    public static EntityKind<MatchState, MatchEvent> match(String inputTopic) {
        return new EntityKind<>("match", inputTopic, "match-event", MatchEvent.class, MatchState.class, Scorer::new);
    }

    public static EntityKind<TableState, TableEvent> table(String inputTopic) {
        return new EntityKind<>("table", inputTopic, "table-event", TableEvent.class, TableState.class,
                TeenPattiRules::new);
    }

    static List<EntityKind<?, ?>> of(JobOptions options) {
        return options.entities().stream()
                .<EntityKind<?, ?>>map(name -> name.equals("match")
                        ? match(options.matchTopic())
                        : table(options.tableTopic()))
                .toList();
    }

    public static List<EntityKind<?, ?>> defaults() {
        return List.of(match(Topic.MATCH_EVENTS.defaultName()), table(Topic.TABLE_EVENTS.defaultName()));
    }
}
