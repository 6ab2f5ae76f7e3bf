package dev.scoreline.delta;

import com.fasterxml.jackson.databind.JsonNode;

/** The whole state of one channel at a version, on the compacted {@code state-snapshots} topic. */
public record Snapshot(String channel, String epoch, long version, JsonNode state) {}
