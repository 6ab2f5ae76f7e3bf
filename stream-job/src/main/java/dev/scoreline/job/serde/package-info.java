/**
 * The one serializer of the job's streams and keyed state: every record is kept as its JSON,
 * written by {@link dev.scoreline.json.Json#MAPPER}, so nothing falls back to Kryo and state
 * evolves as the messages do (a field added reads as its default from old state, a removed one is
 * ignored); a savepoint whose state class changed is refused rather than misread.
 *
 * <p>It depends on Flink's type serialization and the project's JSON configuration only, never on
 * the entities it stores.
 */
package dev.scoreline.job.serde;
