package dev.scoreline.market;

import java.time.Instant;

/**
 * One bet in a market's pool.
 *
 * @param id the bet's event id (the player's action id)
 * @param placedAt when a gateway took it
 */
public record MarketBet(String id, String playerId, String outcome, long stake, Instant placedAt) {}
