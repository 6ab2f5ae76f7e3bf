package dev.scoreline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where this JVM's processor time went between two moments, by thread family (a thread's name
 * with its numbers taken out: Kafka's, Flink's tasks, the gateway's I/O threads, the bots'
 * readers), to say what limits a run in which everything shares the machine's cores.
 */
public final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final long startNanos = System.nanoTime();
    private final long startProcess = processCpuNanos();

    public ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            startCpu.put(id, threads.getThreadCpuTime(id));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The process's processor time since the start, in nanoseconds. */
    public long processNanos() {
        return processCpuNanos() - startProcess;
    }

    /** The process's processor time since the start, in % of one core. */
    public double processPercent() {
        return 100.0 * (processCpuNanos() - startProcess) / (System.nanoTime() - startNanos);
    }

    /**
     * Processor time since the start of the threads whose names {@code which} picks, in
     * nanoseconds (a thread that has ended since is not counted: read this while they run).
     */
    public long cpuNanos(Predicate<String> which) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (cpu >= 0 && info != null && which.test(info.getThreadName())) {
                total += cpu - startCpu.getOrDefault(id, 0L);
            }
        }
        return total;
    }

    /** The {@code n} busiest thread families since the start, "family 41%, …" in % of one core. */
    public String busiest(int n) {
        long wall = System.nanoTime() - startNanos;
        Map<String, Long> byFamily = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (cpu < 0 || info == null) {
                continue;
            }
            byFamily.merge(family(info.getThreadName()), cpu - startCpu.getOrDefault(id, 0L), Long::sum);
        }
        List<Map.Entry<String, Long>> top = byFamily.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
        return String.join(", ", top.stream()
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / wall) + "%").toList());
    }

    /** A thread's name without its numbers, so that a pool's threads add up. */
    public static String family(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }
}
