package dev.scoreline.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields that changed over a span of versions, gathered event by event, from which one merge
 * patch is made for the whole span.
 *
 * <p>Why not simply diff the state before the span against the state after it: a field that
 * changes and changes back within the span would be missing from that diff, and a client that
 * holds a version inside the span would keep the passing value. Naming every field touched in
 * between, with its value at the end, gives a patch that is right for a holder of any version of
 * the span, which is what the delta contract promises.
 *
 * <p>The set is a tree of JSON objects: every touched path is a chain of members, and an empty
 * object marks where a path ends. That form is plain JSON, so it can live in keyed state as it is.
 */
public final class ChangedFields {

    private ObjectNode tree;

    private ChangedFields(ObjectNode tree) {
        this.tree = tree;
    }

    public static ChangedFields none() {
        return new ChangedFields(JsonNodeFactory.instance.objectNode());
    }

    /** Rebuilds the set from the tree {@link #asTree()} gave. */
    public static ChangedFields fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a changed-field tree is a JSON object");
        }
        return new ChangedFields(((ObjectNode) tree).deepCopy());
    }

    public JsonNode asTree() {
        return tree.deepCopy();
    }

    public boolean isEmpty() {
        return tree.isEmpty();
    }

    /** Adds every leaf that differs between two consecutive states. */
    public ChangedFields add(JsonNode before, JsonNode after) {
        return addAll(MergePatch.changes(before, after));
    }

    /** Adds the paths of changes already computed (for the change log, say). */
    public ChangedFields addAll(List<FieldChange> changes) {
        tree = (ObjectNode) plus(tree, changes);
        return this;
    }

    /**
     * The tree {@code tree} (as {@link #asTree()} gave it) with the paths of {@code changes} added,
     * as a new tree that shares every branch it did not touch: neither tree is modified, and an
     * event costs the paths it touched rather than two copies of everything gathered so far.
     */
    public static JsonNode plus(JsonNode tree, List<FieldChange> changes) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a changed-field tree is a JSON object");
        }
        if (changes.isEmpty()) {
            return tree;
        }
        Set<ObjectNode> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        ObjectNode root = shallowCopy((ObjectNode) tree, fresh);
        for (FieldChange change : changes) {
            String pointer = change.path();
            if (pointer.isEmpty()) {
                continue;
            }
            ObjectNode node = root;
            for (String token : pointer.substring(1).split("/", -1)) {
                String name = MergePatch.unescape(token);
                JsonNode child = node.get(name);
                ObjectNode next;
                if (child instanceof ObjectNode existing) {
                    next = fresh.contains(existing) ? existing : shallowCopy(existing, fresh);
                } else {
                    next = JsonNodeFactory.instance.objectNode();
                    fresh.add(next);
                }
                if (next != child) {
                    node.set(name, next);
                }
                node = next;
            }
        }
        return root;
    }

    private static ObjectNode shallowCopy(ObjectNode node, Set<ObjectNode> fresh) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll(node);
        fresh.add(copy);
        return copy;
    }

    /**
     * The merge patch that takes a state at any version of the span (or just before it) to
     * {@code current}, the state at its end.
     */
    public ObjectNode patchTo(JsonNode current) {
        return materialise(tree, current);
    }

    /** {@link #patchTo} of the set whose tree {@link #asTree()} gave, without copying the tree. */
    public static ObjectNode patchTo(JsonNode tree, JsonNode current) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a changed-field tree is a JSON object");
        }
        return materialise((ObjectNode) tree, current);
    }

    private static ObjectNode materialise(ObjectNode touched, JsonNode current) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = touched.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ObjectNode below = (ObjectNode) field.getValue();
            JsonNode now = current != null && current.isObject() ? current.get(field.getKey()) : null;
            if (now == null || now.isNull()) {
                patch.putNull(field.getKey());
            } else if (now.isObject() && !below.isEmpty()) {
                patch.set(field.getKey(), materialise(below, now));
            } else {
                patch.set(field.getKey(), MergePatch.normalize(now));
            }
        }
        return patch;
    }
}
