package dev.scoreline.bench;

/** A target of the issue, with what was measured and whether it is met. */
public record Target(String name, String measured, boolean met, String margin) {}
