/**
 * The ticker: the one entity behind the public {@code scores} channel, a short line for every live
 * match and the latest completed ones, which every player sees whatever table they sit at.
 *
 * <p>It owns its state ({@link dev.scoreline.ticker.TickerState}) and the rules that keep it
 * ({@link dev.scoreline.ticker.TickerRules}): which lines it holds, which it lets go, and what a
 * late line does. It owns no line's content: each match derives its own
 * ({@link dev.scoreline.match.TickerLine}) and sends it through the {@code ticker-events} topic,
 * since Kafka is the only way between entities.
 */
package dev.scoreline.ticker;
