/**
 * {@code ./scoreline bench} ({@link dev.scoreline.bench.BenchMain}) and what every benchmark
 * shares: forked child processes driven by lines on standard input ({@link
 * dev.scoreline.bench.Child}), latency histograms that merge across processes ({@link
 * dev.scoreline.bench.Histogram}), what the machine is ({@link dev.scoreline.bench.Machine}), and
 * the markdown tables and targets of the report. The latest report is {@code bench/RESULTS.md}.
 *
 * <p>Every figure is printed beside a baseline measured in the same run, because the machine may
 * be shared and noisy. The heavy runs are never part of {@code mvn verify}.
 */
package dev.scoreline.bench;
