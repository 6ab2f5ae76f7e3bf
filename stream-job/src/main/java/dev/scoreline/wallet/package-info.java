/**
 * Players' wallets: the one balance each player has across every table, and where each of their
 * chips is. The rules ({@link dev.scoreline.wallet.WalletRules}) fold the game backend's credits
 * and debits, the players' buy-ins and the tables' answers; the view is the player's private
 * channel {@code player:<playerId>}; {@link dev.scoreline.wallet.Books} checks that no chip was
 * made or lost across all wallets and tables. Plain Java: the job wraps the rules, and the tables
 * meet the wallets only through Kafka ({@code wallet-events}, {@code table-events}).
 */
package dev.scoreline.wallet;
