/**
 * Players acting through the gateway ({@link dev.scoreline.bench.play.PlayBench}): tables opened
 * in Kafka, the table job dealing them on a MiniCluster, one gateway, bots playing with
 * {@code Bot.decide} over a few hundred WebSocket connections at a paced rate of moves; each
 * move's delay until the mover's verdict and until another player at the table sees it.
 *
 * <p>The bots are a lean driver of their own rather than {@code GatewayPlayer} (one
 * {@code java.net.http} connection and timer per player): here one connection plays a seat at
 * many tables and two threads read them all, so that the load clients leave the two cores to
 * the system measured.
 */
package dev.scoreline.bench.play;
