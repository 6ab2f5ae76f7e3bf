package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Feeds;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' query, exactly as docs/analysts.md prints it, run with Flink SQL over the change
 * log the job wrote: each match's runs and wickets per innings equal the final snapshots.
 */
class AnalystQueryTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    /** The ```sql blocks of the Flink SQL section of docs/analysts.md, in order. */
    static List<String> pageSql() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "analysts.md"));
        int section = page.indexOf("## Flink SQL");
        assertThat(section).as("docs/analysts.md has a Flink SQL section").isNotNegative();
        int next = page.indexOf("\n## ", section + 1);
        String analysts = page.substring(section, next < 0 ? page.length() : next);
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(analysts);
        while (m.find()) {
            blocks.add(m.group(1).trim().replaceAll(";$", ""));
        }
        return blocks;
    }

    @Test
    void runsAndWicketsPerInningsFromTheChangeLogEqualTheFinalSnapshots() throws Exception {
        Map<String, List<MatchEvent>> matches = CricsheetRecords.matches("1426312", "335988");
        List<String> sql = pageSql();
        assertThat(sql).hasSize(2);

        try (JobHarness h = new JobHarness(kafka, "analyst", 2);
                LocalJob job = h.start(dir.resolve("analyst"), "--entities", "match");
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS);
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS)) {
            h.sendMatches(Feeds.interleave(List.copyOf(matches.values())));
            Settled.await(Settled.counts(matches), changes, deltas);

            TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inBatchMode());
            tables.executeSql(sql.get(0)
                    .replace("'localhost:9092'", "'" + kafka.bootstrapServers() + "'")
                    .replace("'state-changelog'", "'" + h.topic(Topic.STATE_CHANGELOG) + "'"));
            Map<String, int[]> fromSql = new HashMap<>();
            try (CloseableIterator<Row> rows = tables.executeSql(sql.get(1)).collect()) {
                rows.forEachRemaining(row -> fromSql.put(row.getField("matchId") + "/" + row.getField("innings"),
                        new int[] {(Integer) row.getField("runs"), (Integer) row.getField("wickets")}));
            }

            Map<String, int[]> fromSnapshots = new HashMap<>();
            for (String id : matches.keySet()) {
                JsonNode innings = ChannelHistory.of("match:" + id, deltas.read(), snapshots.read())
                        .finalState().get("innings");
                Iterator<Map.Entry<String, JsonNode>> it = innings.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> one = it.next();
                    fromSnapshots.put(id + "/" + one.getKey(),
                            new int[] {one.getValue().get("runs").asInt(), one.getValue().get("wickets").asInt()});
                }
            }
            assertThat(fromSql.keySet()).isEqualTo(fromSnapshots.keySet());
            fromSnapshots.forEach((key, expected) ->
                    assertThat(fromSql.get(key)).as("runs and wickets of %s", key).containsExactly(expected));
        }
    }
}
