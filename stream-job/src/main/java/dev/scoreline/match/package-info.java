/**
 * The cricket scorer: {@link dev.scoreline.match.Scorer} folds a match's events into its
 * {@link dev.scoreline.match.MatchState}, {@link dev.scoreline.match.ResultRules} decides what the
 * balls decide, {@link dev.scoreline.match.MatchView} cuts the public {@code match:<id>} view, and
 * {@link dev.scoreline.match.TickerLine} derives the match's line on the ticker. The rules (every
 * format, who decides a result) are docs/domain.md.
 *
 * <p>Plain, deterministic Java: it implements {@link dev.scoreline.entity.EntityRules} and imports
 * no Flink, no Kafka and nothing of {@code dev.scoreline.job}, so the same code scores a match in
 * the job, in {@code ./scoreline score}, in the benchmarks and in the tests, and a replay gives the
 * same state. It knows the ticker only through the message it sends it.
 */
package dev.scoreline.match;
