/**
 * Cricsheet's JSON records (https://cricsheet.org) turned into the events a live feed would have
 * sent ({@link dev.scoreline.match.cricsheet.CricsheetConverter}), with deterministic event ids,
 * for the demo's replays, the benchmarks and the tests.
 *
 * <p>It produces {@code dev.scoreline.match.event} records and passes on the officials' decision
 * as the record states it; it must not depend on the scorer, whose job is to check the balls
 * against that decision, nor on Flink or Kafka.
 */
package dev.scoreline.match.cricsheet;
