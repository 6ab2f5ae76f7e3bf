package dev.scoreline.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import dev.scoreline.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {

    /** RFC 7386, Appendix A: every example, original | patch | result. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "{\"a\":\"b\"}                  | {\"a\":\"c\"}                     | {\"a\":\"c\"}",
        "{\"a\":\"b\"}                  | {\"b\":\"c\"}                     | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}                  | {\"a\":null}                      | {}",
        "{\"a\":\"b\",\"b\":\"c\"}      | {\"a\":null}                      | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}                | {\"a\":\"c\"}                     | {\"a\":\"c\"}",
        "{\"a\":\"c\"}                  | {\"a\":[\"b\"]}                   | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}          | {\"a\":{\"b\":\"d\",\"c\":null}}  | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}        | {\"a\":[1]}                       | {\"a\":[1]}",
        "[\"a\",\"b\"]                  | [\"c\",\"d\"]                     | [\"c\",\"d\"]",
        "{\"a\":\"b\"}                  | [\"c\"]                           | [\"c\"]",
        "{\"a\":\"foo\"}                | null                              | null",
        "{\"a\":\"foo\"}                | \"bar\"                           | \"bar\"",
        "{\"e\":null}                   | {\"a\":1}                         | {\"e\":null,\"a\":1}",
        "[1,2]                          | {\"a\":\"b\",\"c\":null}          | {\"a\":\"b\"}",
        "{}                             | {\"a\":{\"bb\":{\"ccc\":null}}}   | {\"a\":{\"bb\":{}}}",
    })
    void rfc7386Examples(String original, String patch, String result) {
        JsonNode target = Json.tree(original);
        JsonNode applied = MergePatch.apply(target, Json.tree(patch));

        assertThat(applied).isEqualTo(Json.tree(result));
        assertThat(target).as("apply leaves its target alone").isEqualTo(Json.tree(original));
    }

    @Test
    void diffOfEqualStatesIsEmpty() {
        JsonNode state = Json.tree("{\"a\":{\"b\":[1,2]},\"c\":3}");
        assertThat(MergePatch.diff(state, state.deepCopy())).isEqualTo(Json.object());
    }

    @Test
    void diffRemovesFieldsAndEmptiesObjects() {
        JsonNode from = Json.tree("{\"a\":{\"x\":1},\"b\":2,\"keep\":true}");
        JsonNode to = Json.tree("{\"a\":{},\"keep\":true}");

        JsonNode patch = MergePatch.diff(from, to);

        assertThat(patch).isEqualTo(Json.tree("{\"a\":{\"x\":null},\"b\":null}"));
        assertThat(MergePatch.apply(from, patch)).isEqualTo(to);
    }

    @Test
    void diffTreatsNullMembersAsAbsent() {
        JsonNode from = Json.tree("{\"result\":null,\"a\":1}");
        JsonNode to = Json.tree("{\"result\":null,\"a\":2,\"target\":null}");

        assertThat(MergePatch.diff(from, to)).isEqualTo(Json.tree("{\"a\":2}"));
    }

    @Test
    void changesListEveryLeafWithBeforeAndAfter() {
        JsonNode before = Json.tree("{\"runs\":10,\"batters\":{\"1\":{\"runs\":4}},\"gone\":\"x\"}");
        JsonNode after = Json.tree("{\"runs\":14,\"batters\":{\"1\":{\"runs\":8},\"2\":{\"runs\":0}},\"a/b\":[1]}");

        List<FieldChange> changes = MergePatch.changes(before, after);

        assertThat(changes).extracting(FieldChange::path).containsExactlyInAnyOrder(
                "/runs", "/batters/1/runs", "/batters/2/runs", "/gone", "/a~1b");
        assertThat(changes).filteredOn(c -> c.path().equals("/gone")).singleElement()
                .satisfies(c -> {
                    assertThat(c.before().asText()).isEqualTo("x");
                    assertThat(c.after()).isNull();
                });
        assertThat(changes).filteredOn(c -> c.path().equals("/runs")).singleElement()
                .satisfies(c -> {
                    assertThat(c.before().asInt()).isEqualTo(10);
                    assertThat(c.after().asInt()).isEqualTo(14);
                });
    }

    @Test
    void changedFieldsCoverAValueThatChangedAndChangedBack() {
        JsonNode v1 = Json.tree("{\"striker\":\"A\",\"runs\":0}");
        JsonNode v2 = Json.tree("{\"striker\":\"B\",\"runs\":1}");
        JsonNode v3 = Json.tree("{\"striker\":\"A\",\"runs\":2}");

        ChangedFields span = ChangedFields.none().add(v1, v2).add(v2, v3);
        JsonNode patch = span.patchTo(v3);

        assertThat(MergePatch.diff(v1, v3)).as("a plain diff misses the round trip")
                .isEqualTo(Json.tree("{\"runs\":2}"));
        assertThat(patch).isEqualTo(Json.tree("{\"striker\":\"A\",\"runs\":2}"));
        assertThat(MergePatch.apply(v2, patch)).isEqualTo(v3);
    }

    @Test
    void changedFieldsSurviveTheirTreeForm() {
        JsonNode v1 = Json.tree("{\"a\":{\"b\":1},\"c\":[1]}");
        JsonNode v2 = Json.tree("{\"a\":5,\"c\":[2],\"d/e\":{}}");
        ChangedFields span = ChangedFields.none().add(v1, v2);

        ChangedFields back = ChangedFields.fromTree(Json.tree(Json.string(span.asTree())));

        assertThat(back.patchTo(v2)).isEqualTo(span.patchTo(v2));
        assertThat(MergePatch.apply(v1, back.patchTo(v2))).isEqualTo(v2);
    }
}
