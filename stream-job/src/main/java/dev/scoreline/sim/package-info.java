/**
 * What the simulated players share: acting through a gateway as a person does ({@link
 * dev.scoreline.sim.GatewayBot}, one action at a time, each answered) over one WebSocket ({@link
 * dev.scoreline.sim.BotSocket}). The tables' bots are in {@code table.sim}, the bettors in {@code
 * market.sim}.
 */
package dev.scoreline.sim;
