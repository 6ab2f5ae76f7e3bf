package dev.scoreline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Verdict;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.ticker.event.TickerEvent;
import dev.scoreline.wallet.event.WalletEvent;
import dev.scoreline.wire.ClientMessage;
import dev.scoreline.wire.ServerMessage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example messages beside the schemas, in {@code src/test/resources/examples/<schema>/}:
 *
 * <ul>
 *   <li>{@code valid/*.json} must validate with no violation, bind to the schema's Java record, and
 *       be written back by {@link Json#MAPPER} as the same JSON. The only members the writer may
 *       add are the defaults a record fills in for an absent optional member, listed in
 *       {@link #DEFAULTS}; they are filled into the example before comparing. Both sides are
 *       compared after {@link MergePatch#normalize} (that a patch's null members survive is
 *       {@link RecordRoundTripTest}'s to check), and the written side is read back from bytes, so
 *       that numbers compare by value.
 *   <li>{@code invalid/*.json} each break exactly one rule. The top-level member {@code "$expect"}
 *       (removed before validating) names the JSON path of that one violation, and validation
 *       must report violations at that path and nowhere else.
 * </ul>
 */
class ExamplesTest {

    /** The record each schema's messages bind to. A schema with examples must be listed here. */
    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("match-event", MatchEvent.class),
            Map.entry("table-event", TableEvent.class),
            Map.entry("ticker-event", TickerEvent.class),
            Map.entry("wallet-event", WalletEvent.class),
            Map.entry("delta", Delta.class),
            Map.entry("snapshot", Snapshot.class),
            Map.entry("changelog-entry", ChangeLogEntry.class),
            Map.entry("dead-letter", DeadLetter.class),
            Map.entry("verdict", Verdict.class),
            Map.entry("client-message", ClientMessage.class),
            Map.entry("server-message", ServerMessage.class));

    /**
     * Members a record writes although the example left them out, by schema and {@code type}, as
     * JSON Pointers ({@code *} for every array item) with the value the record gives them. Each is
     * the {@code default} the schema documents for that member. Parents come before children.
     */
    private static final Map<String, List<Default>> DEFAULTS = Map.of(
            "match-event/delivery", List.of(
                    new Default("/runs/nonBoundary", BooleanNode.FALSE),
                    new Default("/extras", Json.object()),
                    new Default("/extras/wides", IntNode.valueOf(0)),
                    new Default("/extras/noballs", IntNode.valueOf(0)),
                    new Default("/extras/byes", IntNode.valueOf(0)),
                    new Default("/extras/legbyes", IntNode.valueOf(0)),
                    new Default("/extras/penalty", IntNode.valueOf(0)),
                    new Default("/wickets", Json.MAPPER.createArrayNode()),
                    new Default("/wickets/*/fielders", Json.MAPPER.createArrayNode())),
            "match-event/innings.start", List.of(
                    new Default("/superOver", BooleanNode.FALSE)));

    private static final String EXPECT = "$expect";

    @TestFactory
    Stream<DynamicTest> validExamplesValidateBindAndWriteBack() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String schema : exampleSchemas()) {
            for (Path file : examples(schema, "valid")) {
                tests.add(dynamicTest(schema + "/valid/" + file.getFileName(), () -> {
                    JsonNode example = Json.tree(Files.readAllBytes(file));

                    assertThat(MessageSchema.named(schema).validate(example)).isEmpty();

                    Object bound = Json.convert(example, RECORDS.get(schema));
                    if (bound instanceof EntityEvent event) {
                        assertThat(event.type()).isEqualTo(example.get("type").asText());
                    }
                    JsonNode written = Json.tree(Json.bytes(bound));
                    JsonNode expected = withDefaults(schema, example);
                    assertThat(MergePatch.normalize(written)).isEqualTo(MergePatch.normalize(expected));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesFailAtTheExpectedPath() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String schema : exampleSchemas()) {
            for (Path file : examples(schema, "invalid")) {
                tests.add(dynamicTest(schema + "/invalid/" + file.getFileName(), () -> {
                    ObjectNode example = (ObjectNode) Json.tree(Files.readAllBytes(file));
                    JsonNode expect = example.remove(EXPECT);
                    assertThat(expect).as("%s names the failing path in %s", file, EXPECT).isNotNull();

                    List<MessageSchema.Violation> violations = MessageSchema.named(schema).validate(example);

                    assertThat(violations).isNotEmpty();
                    assertThat(violations).extracting(MessageSchema.Violation::path).containsOnly(expect.asText());
                    assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everySchemaHasExamplesAndARecord() throws IOException, URISyntaxException {
        Set<String> schemas;
        try (Stream<Path> files = Files.list(resource("/schemas"))) {
            schemas = files.map(p -> p.getFileName().toString())
                    .map(f -> f.substring(0, f.length() - ".schema.json".length()))
                    .filter(name -> !name.equals("common"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(exampleSchemas()).as("every schema but common has examples/<name>/")
                .containsExactlyInAnyOrderElementsOf(schemas);
        assertThat(RECORDS.keySet()).as("register the record of every schema with examples in RECORDS")
                .containsAll(exampleSchemas());
        for (String schema : exampleSchemas()) {
            assertThat(examples(schema, "valid")).as(schema + " valid examples").hasSizeGreaterThanOrEqualTo(2);
            assertThat(examples(schema, "invalid")).as(schema + " invalid examples").hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void everyKindHasAValidExample() throws IOException {
        for (String schema : exampleSchemas()) {
            Set<String> covered = new TreeSet<>();
            for (Path file : examples(schema, "valid")) {
                covered.add(Json.tree(Files.readAllBytes(file)).path("type").asText());
            }
            assertThat(covered).as(schema).containsAll(MessageSchema.named(schema).kinds());
        }
        assertThat(MessageSchema.named("match-event").kinds()).containsExactlyInAnyOrder(
                "match.start", "innings.start", "innings.target", "delivery", "penalty.runs", "delivery.undo",
                "innings.end", "match.end", "bet.place");
        assertThat(MessageSchema.named("table-event").kinds()).containsExactlyInAnyOrder(
                "table.open", "player.sit", "player.leave", "hand.start", "cards.see", "bet", "pack", "show",
                "sideshow.request", "sideshow.answer", "turn.timeout", "table.close");
    }

    private record Default(String pointer, JsonNode value) {}

    private static JsonNode withDefaults(String schema, JsonNode example) {
        JsonNode filled = example.deepCopy();
        for (Default d : DEFAULTS.getOrDefault(schema + "/" + example.path("type").asText(), List.of())) {
            fill(filled, d.pointer().substring(1).split("/"), 0, d.value());
        }
        return filled;
    }

    private static void fill(JsonNode node, String[] tokens, int at, JsonNode value) {
        String token = tokens[at];
        boolean last = at == tokens.length - 1;
        if (token.equals("*")) {
            if (node instanceof ArrayNode items) {
                items.forEach(item -> fill(item, tokens, at + 1, value));
            }
        } else if (node instanceof ObjectNode object) {
            if (last) {
                if (!object.has(token)) {
                    object.set(token, value.deepCopy());
                }
            } else if (object.has(token)) {
                fill(object.get(token), tokens, at + 1, value);
            }
        }
    }

    private static Set<String> exampleSchemas() throws IOException {
        try (Stream<Path> dirs = Files.list(resource("/examples"))) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Path> examples(String schema, String validity) throws IOException {
        Path dir = resource("/examples").resolve(schema).resolve(validity);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(ExamplesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
