/**
 * Simulated Teen Patti tables for the demo, the tests and the benchmarks
 * ({@link dev.scoreline.table.sim.TableSimulator}): bots that play legal, varied hands, emitted
 * as the {@code table-events} a table service would send. Everything follows from the seed.
 *
 * <p>It folds its own events through {@link dev.scoreline.table.TeenPattiRules} to know whose
 * turn it is, but a bot decides only from the views a player may see, never from the state behind
 * them. No Flink, no Kafka: the callers pace and publish the events. The job itself never uses
 * this package.
 *
 * <p>{@link dev.scoreline.table.sim.GatewayPlayer} is the same bot as a person plays: over a
 * WebSocket to a gateway, moving with {@code act} frames on a table the job deals (the demo's
 * players, and the load of {@code bench play}).
 */
package dev.scoreline.table.sim;
