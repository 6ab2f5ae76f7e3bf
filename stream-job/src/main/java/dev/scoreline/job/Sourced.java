package dev.scoreline.job;

/**
 * An accepted input event with where it came from, so that a rejection later on can still name
 * the record's topic, partition and offset in its dead letter.
 */
public record Sourced<E>(E event, String topic, int partition, long offset) {}
