/**
 * The private channels' benchmark: what each gateway of a fleet reads and holds of the players'
 * private channels, against what one gateway alone reads and holds, measured in the same run.
 */
package dev.scoreline.bench.shards;
