/**
 * The events of the {@code wallet-events} topic ({@link dev.scoreline.wallet.event.WalletEvent}),
 * bound to {@code wallet-event.schema.json}: the game backend's credits and debits, a player's sit
 * (the first hop of a buy-in) and the tables' answers (messages between entities).
 *
 * <p>Records only; they depend on {@code dev.scoreline.event} and Jackson's annotations, nothing
 * of the job.
 */
package dev.scoreline.wallet.event;
