/**
 * The fan-out benchmark ({@link dev.scoreline.bench.fanout.FanoutBench}): the gateway, Mosquitto
 * and a socket-limit server ({@link dev.scoreline.bench.fanout.LimitServer}), each in a process of
 * its own, under the same load-client processes ({@link dev.scoreline.bench.fanout.SubscriberMain})
 * and the same deltas at the same rates; delivered messages per second, latency and memory per
 * idle connection.
 *
 * <p>The load clients and the socket-limit server are minimal on purpose (plain NIO, the little of
 * RFC 6455 they need): they must cost less than what they measure. Latency comes from
 * {@code System.nanoTime()} in the payload, one monotonic clock for every process of the machine.
 */
package dev.scoreline.bench.fanout;
