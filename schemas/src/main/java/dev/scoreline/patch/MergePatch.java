package dev.scoreline.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7386): the job diffs, the gateway and every client apply.
 *
 * <p>A merge patch cannot set a field to null (null means "remove"), so states exchanged this
 * way hold no null members: a field without a value is absent. {@link #normalize} makes a
 * document so, and {@link #diff} treats a null member as an absent one.
 */
public final class MergePatch {

    private MergePatch() {}

    /** Applies {@code patch} to {@code target} without changing either; RFC 7386 section 2. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? NullNode.getInstance() : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        applyInPlace(result, (ObjectNode) patch);
        return result;
    }

    /**
     * Applies an object patch to an object target, changing the target; what the gateway does per
     * delta, where copying the whole state every time would cost more than the patch.
     */
    public static void applyInPlace(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject()) {
                JsonNode existing = target.get(field.getKey());
                ObjectNode child = existing != null && existing.isObject()
                        ? (ObjectNode) existing
                        : target.putObject(field.getKey());
                applyInPlace(child, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    /**
     * The smallest patch that takes {@code from} to {@code to}: {@code apply(from, diff(from, to))}
     * equals {@code normalize(to)}. Both are expected to be objects; a non-object {@code to} is
     * returned as the patch, as the RFC prescribes.
     */
    public static JsonNode diff(JsonNode from, JsonNode to) {
        if (to == null || !to.isObject()) {
            return to == null ? NullNode.getInstance() : to.deepCopy();
        }
        if (from == null || !from.isObject()) {
            return normalize(to);
        }
        return diffObjects((ObjectNode) from, (ObjectNode) to);
    }

    private static ObjectNode diffObjects(ObjectNode from, ObjectNode to) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> old = from.fields();
        while (old.hasNext()) {
            Map.Entry<String, JsonNode> field = old.next();
            if (field.getValue().isNull()) {
                continue;
            }
            JsonNode now = to.get(field.getKey());
            if (now == null || now.isNull()) {
                patch.putNull(field.getKey());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fresh = to.fields();
        while (fresh.hasNext()) {
            Map.Entry<String, JsonNode> field = fresh.next();
            JsonNode now = field.getValue();
            if (now.isNull()) {
                continue;
            }
            JsonNode before = from.get(field.getKey());
            if (before != null && before.isObject() && now.isObject()) {
                ObjectNode sub = diffObjects((ObjectNode) before, (ObjectNode) now);
                if (sub.size() > 0) {
                    patch.set(field.getKey(), sub);
                }
            } else if (before == null || before.isNull() || !before.equals(now)) {
                patch.set(field.getKey(), normalize(now));
            }
        }
        return patch;
    }

    /** A copy of {@code node} without null object members, at any depth (array items are kept). */
    public static JsonNode normalize(JsonNode node) {
        if (node == null) {
            return NullNode.getInstance();
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                copy.set(field.getKey(), normalize(field.getValue()));
            }
        }
        return copy;
    }

    /**
     * Every leaf that differs between two states, as JSON Pointers with the value before and after
     * (null where the leaf is absent). A leaf is any value that is not an object with members:
     * scalars, arrays and empty objects.
     */
    public static List<FieldChange> changes(JsonNode before, JsonNode after) {
        List<FieldChange> out = new ArrayList<>();
        collect("", present(withoutNulls(before)), present(withoutNulls(after)), out);
        return out;
    }

    /**
     * {@link #changes}, for documents that hold no null members (an entity's views, by contract):
     * no scan for nulls, which would walk both whole documents on every event even where they share
     * their unchanged branches. A null member, if there were one, would count as a leaf.
     */
    public static List<FieldChange> changesWithoutNulls(JsonNode before, JsonNode after) {
        List<FieldChange> out = new ArrayList<>();
        collect("", present(before), present(after), out);
        return out;
    }

    /**
     * {@link #changesWithoutNulls} of one branch of two documents, appended to {@code out} with
     * paths under {@code pointer} (the branch's JSON Pointer): the changes a diff of the whole
     * documents lists for that branch, for rules that know which branches an event changed.
     */
    public static void changesWithoutNulls(String pointer, JsonNode before, JsonNode after, List<FieldChange> out) {
        collect(pointer, present(before), present(after), out);
    }

    /** The JSON Pointer of a member of the object at {@code pointer}. */
    public static String pointer(String pointer, String member) {
        return pointer + "/" + escape(member);
    }

    /** {@link #normalize}, but the node itself (no copy) when it has no null member to strip. */
    private static JsonNode withoutNulls(JsonNode node) {
        return node != null && hasNullMember(node) ? normalize(node) : node;
    }

    private static boolean hasNullMember(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        for (JsonNode child : node) {
            if (child.isNull() || hasNullMember(child)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
        if (before != null && before.equals(after)) {
            // most of a state stays the same from one version to the next: skip equal branches whole
            return;
        }
        boolean branchBefore = isBranch(before);
        boolean branchAfter = isBranch(after);
        if (!branchBefore && !branchAfter) {
            if (before == null ? after != null : !before.equals(after)) {
                out.add(new FieldChange(path, copy(before), copy(after)));
            }
            return;
        }
        if (!branchBefore && before != null) {
            out.add(new FieldChange(path, before.deepCopy(), null));
        }
        // only the members that differ are sorted (by name, for a stable order): usually a few of many
        List<String> differing = new ArrayList<>();
        if (branchAfter) {
            after.fieldNames().forEachRemaining(name -> {
                JsonNode childBefore = branchBefore ? present(before.get(name)) : null;
                JsonNode childAfter = present(after.get(name));
                if (childBefore == null ? childAfter != null : !childBefore.equals(childAfter)) {
                    differing.add(name);
                }
            });
        }
        if (branchBefore) {
            before.fieldNames().forEachRemaining(name -> {
                if ((!branchAfter || !after.has(name)) && present(before.get(name)) != null) {
                    differing.add(name);
                }
            });
        }
        Collections.sort(differing);
        for (String name : differing) {
            collect(path + "/" + escape(name),
                    branchBefore ? present(before.get(name)) : null,
                    branchAfter ? present(after.get(name)) : null,
                    out);
        }
        if (!branchAfter && after != null) {
            out.add(new FieldChange(path, null, after.deepCopy()));
        }
    }

    static boolean isBranch(JsonNode node) {
        return node != null && node.isObject() && node.size() > 0;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
