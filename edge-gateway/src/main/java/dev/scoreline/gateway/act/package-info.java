/**
 * Players acting through the gateway: {@link dev.scoreline.gateway.act.ActionGate} checks an
 * {@code act} (frame or HTTP request) and turns it into the entity's event,
 * {@link dev.scoreline.gateway.act.MoveLimiter} keeps one connection from flooding,
 * {@link dev.scoreline.gateway.act.ActionProducer} writes the event to the entity's input topic,
 * and {@link dev.scoreline.gateway.act.Verdicts} reads the job's answers and hands each to the
 * player's connections on this gateway (and to an HTTP request waiting for it). A sit goes to the
 * player's wallet first ({@code wallet-events}, keyed by the player). The game backend's credits
 * and debits are checked by {@link dev.scoreline.gateway.act.WalletOrders} and produced the same
 * way. The gateway decides nothing of the game: every move is the job's to accept or refuse.
 */
package dev.scoreline.gateway.act;
