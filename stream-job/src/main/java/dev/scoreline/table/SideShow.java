package dev.scoreline.table;

/** A side show waiting for the answer of the player at seat {@code answerer}. */
public record SideShow(int asker, int answerer) {}
