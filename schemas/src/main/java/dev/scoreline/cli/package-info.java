/**
 * The one way a command line is declared: every option of every program (the job, the gateway,
 * {@code ./scoreline}'s commands, the cluster, the benchmarks) is an {@link dev.scoreline.cli.Option}
 * with its name, type, default and help, and {@link dev.scoreline.cli.Options} turns a command's
 * definitions into its parser, its {@code --help} and its block of {@code docs/options.md}, so the
 * three cannot disagree. It lives in {@code schemas} because every module depends on that one; it is
 * plain Java and depends on nothing else, not even Jackson.
 */
package dev.scoreline.cli;
