package dev.scoreline.table;

/** A player who took {@code amount} chips from the pot. */
public record Winner(int seat, String playerId, long amount) {}
