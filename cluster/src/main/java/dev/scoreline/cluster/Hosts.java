package dev.scoreline.cluster;

/** Every process of the cluster listens on loopback only: it is one machine's cluster. */
final class Hosts {
    static final String LOOPBACK = "127.0.0.1";

    private Hosts() {}
}
