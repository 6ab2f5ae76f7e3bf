/**
 * JSON Merge Patch (RFC 7386) as the whole project applies it ({@link
 * dev.scoreline.patch.MergePatch}: the job diffs, the gateway and every client apply), and the set of
 * fields a span of versions touched ({@link dev.scoreline.patch.ChangedFields}), from which the job
 * makes one delta that is right for a holder of any version of the span.
 *
 * <p>Pure functions over Jackson trees: no state of its own, no Flink, no transport.
 */
package dev.scoreline.patch;
