package dev.scoreline.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.patch.ChangedFields;

/**
 * What has been published of one channel, and what changed since.
 *
 * @param published the version of the last delta published ({@code to}), 0 before the first
 * @param snapshotVersion the version of the last snapshot published, 0 before the first
 * @param snapshotAtMillis processing time of the last snapshot, for the snapshot interval
 * @param changed the fields touched since {@code published}, as a {@link ChangedFields} tree;
 *     empty when nothing is waiting
 */
public record ChannelCursor(long published, long snapshotVersion, long snapshotAtMillis, JsonNode changed) {

    public ChannelCursor {
        changed = changed == null ? ChangedFields.none().asTree() : changed;
    }

    public static ChannelCursor fresh() {
        return new ChannelCursor(0, 0, 0, ChangedFields.none().asTree());
    }

    public boolean hasChanges() {
        return changed.size() > 0;
    }
}
