/**
 * In-play betting on a match: pari-mutuel markets on the next ball, the runs of the coming over
 * and the winner, kept with the match's own state so that one Kafka partition orders the balls and
 * the bets. Plain Java: {@link dev.scoreline.market.Markets} holds the bets and decides, from the
 * match's state alone, which markets are open, closed or decided; {@link
 * dev.scoreline.market.Pool} shares a decided pool among its winners; {@link
 * dev.scoreline.market.MarketsView} is the public {@code match:<id>/markets} channel. The scorer
 * ({@link dev.scoreline.match.Scorer}) folds them with the balls; chips reach them only from the
 * players' wallets, through Kafka.
 */
package dev.scoreline.market;
