/**
 * The Java side of {@code ./scoreline} ({@link dev.scoreline.local.ScorelineCli}): one
 * {@code Command} per subcommand ({@code demo}, {@code score}, {@code replay}, {@code gateway},
 * {@code kafka}, {@code job}), and what they need to feed Kafka: the replay of recorded matches,
 * simulated tables played live, the project's topics and producer settings. {@code cluster} and
 * {@code bench} are launched from their own modules.
 *
 * <p>It only assembles: the broker, the job and the gateway run here exactly as their modules
 * define them (the job on a MiniCluster through {@code LocalJob}), and no rule of scoring, play or
 * fan-out lives in this package, so the demo runs the same code as a deployment.
 */
package dev.scoreline.local;
