/**
 * The project's one JSON configuration ({@link dev.scoreline.json.Json#MAPPER}) and the validator
 * of messages against the JSON Schemas in {@code /schemas} ({@link
 * dev.scoreline.json.MessageSchema}). Everything that reads or writes a message goes through this
 * mapper, so a record has one shape on every topic, in keyed state, on the wire and in the tests;
 * the schemas, not the Jackson binding, decide what is valid input.
 *
 * <p>It depends on Jackson and the schema validator only, never on a transport or on Flink.
 */
package dev.scoreline.json;
