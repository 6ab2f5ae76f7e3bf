/**
 * What the simulated players share: one WebSocket to a gateway ({@link dev.scoreline.sim.BotSocket}).
 * The tables' bots are in {@code table.sim}, the bettors in {@code market.sim}.
 */
package dev.scoreline.sim;
