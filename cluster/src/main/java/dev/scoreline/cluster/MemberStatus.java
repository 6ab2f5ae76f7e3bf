package dev.scoreline.cluster;

import dev.scoreline.cluster.process.ProcessRecord;

/**
 * A process as {@code status} shows it.
 *
 * @param record what was started last, or null if it never was
 * @param alive its pid still runs the process that was started
 * @param answers it does its job: a broker accepts connections, the JobManager answers REST, a
 *     TaskManager is registered with the JobManager, a gateway says it is healthy
 */
public record MemberStatus(Member member, ProcessRecord record, boolean alive, boolean answers) {}
