/**
 * The gateway's copy of one channel ({@link dev.scoreline.gateway.channel.ChannelState}): its
 * latest state, epoch and version, and the ring of recent deltas ({@link
 * dev.scoreline.gateway.channel.DeltaRing}) that lets a resuming client get only what it missed.
 * It applies the records of Kafka by the version contract of docs/topics.md ("Versions and
 * deltas") and says what each one means for subscribers ({@link
 * dev.scoreline.gateway.channel.Change}).
 *
 * <p>Plain, single-threaded logic: no Kafka, no sockets, no subscribers, no locks (the owner
 * serialises access), so the contract can be tested on its own against a model.
 */
package dev.scoreline.gateway.channel;
