package dev.scoreline.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The properties the fan-out rests on: a diff applied gives the new state, and a span's patch
 * brings a holder of any version of the span to its end. The generated documents hold null members
 * on purpose: the producer side must treat them as absent, and holders never keep them.
 */
class MergePatchProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 500)
    void applyOfDiffGivesTheTarget(@ForAll("documents") JsonNode a, @ForAll("documents") JsonNode b) {
        JsonNode patch = MergePatch.diff(a, b);

        assertThat(MergePatch.apply(MergePatch.normalize(a), patch)).isEqualTo(MergePatch.normalize(b));
    }

    @Property(tries = 500)
    void applyInPlaceAgreesWithApply(@ForAll("documents") JsonNode a, @ForAll("documents") JsonNode b) {
        ObjectNode patch = (ObjectNode) MergePatch.diff(a, b);
        ObjectNode target = (ObjectNode) MergePatch.normalize(a);

        MergePatch.applyInPlace(target, patch);

        assertThat(target).isEqualTo(MergePatch.apply(MergePatch.normalize(a), patch));
    }

    @Property(tries = 300)
    void spanPatchBringsEveryVersionOfTheSpanToItsEnd(@ForAll("histories") List<JsonNode> states) {
        ChangedFields span = ChangedFields.none();
        for (int i = 1; i < states.size(); i++) {
            span.add(states.get(i - 1), states.get(i));
        }
        JsonNode end = states.get(states.size() - 1);
        JsonNode patch = span.patchTo(end);

        for (JsonNode held : states) {
            assertThat(MergePatch.apply(MergePatch.normalize(held), patch)).isEqualTo(MergePatch.normalize(end));
        }
    }

    @Property(tries = 300)
    void changesWithoutNullsAgreesWithChangesOnNullFreeDocuments(@ForAll("documents") JsonNode a,
            @ForAll("documents") JsonNode b) {
        JsonNode before = MergePatch.normalize(a);
        JsonNode after = MergePatch.normalize(b);

        assertThat(MergePatch.changesWithoutNulls(before, after)).isEqualTo(MergePatch.changes(a, b));
    }

    @Property(tries = 300)
    void plusLeavesTheTreeItWasGivenAlone(@ForAll("histories") List<JsonNode> states) {
        JsonNode tree = ChangedFields.none().asTree();
        for (int i = 1; i < states.size(); i++) {
            JsonNode copyBefore = tree.deepCopy();
            JsonNode next = ChangedFields.plus(tree, MergePatch.changes(states.get(i - 1), states.get(i)));

            assertThat(tree).isEqualTo(copyBefore);
            tree = next;
        }
        JsonNode end = states.get(states.size() - 1);
        for (JsonNode held : states) {
            assertThat(MergePatch.apply(MergePatch.normalize(held), ChangedFields.fromTree(tree).patchTo(end)))
                    .isEqualTo(MergePatch.normalize(end));
        }
    }

    @Provide
    Arbitrary<List<JsonNode>> histories() {
        return documents().list().ofMinSize(2).ofMaxSize(6);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return object(3);
    }

    /** Few names and small values, so that successive documents share structure and collide often. */
    private Arbitrary<JsonNode> object(int depth) {
        Arbitrary<String> names = Arbitraries.of("a", "b", "c", "d/e", "~f");
        Arbitrary<JsonNode> member = depth == 0 ? scalar() : Arbitraries.frequencyOf(
                Tuple.of(4, scalar()),
                Tuple.of(1, array()),
                Tuple.of(3, Arbitraries.lazy(() -> object(depth - 1))));
        return Arbitraries.maps(names, member).ofMaxSize(4).map(map -> {
            ObjectNode node = NODES.objectNode();
            map.forEach(node::set);
            return node;
        });
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3).map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.of("x", "y").map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
    }

    private Arbitrary<JsonNode> array() {
        return Arbitraries.integers().between(0, 2).list().ofMaxSize(2).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
    }
}
