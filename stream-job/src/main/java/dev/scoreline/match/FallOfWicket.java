package dev.scoreline.match;

/** The score when a wicket fell, and whose it was. */
public record FallOfWicket(int runs, int legalBalls, String overs, String player) {}
