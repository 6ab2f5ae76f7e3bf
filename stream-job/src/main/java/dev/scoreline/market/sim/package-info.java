/**
 * Simulated bettors: bots that watch a match's markets through a gateway and bet as people do, for
 * the demo, the tests and the benchmarks.
 */
package dev.scoreline.market.sim;
