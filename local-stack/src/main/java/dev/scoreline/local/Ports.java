package dev.scoreline.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/**
 * The demo's ports: the documented one when it is free, so recipes written for {@code localhost:9092}
 * work as printed, else any free one, so a second stack on the machine still starts (and says
 * where it is).
 */
final class Ports {

    private Ports() {}

    /** {@code wanted} when it is 0 (any) or free, else 0 (any free port, picked when binding). */
    static int preferred(int wanted, IntPredicate free) {
        return wanted == 0 || free.test(wanted) ? wanted : 0;
    }

    /** True when nothing listens on the loopback port, where every part of the demo binds. */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** " (9092 was taken)" when the documented port was not free, else nothing. */
    static String note(int wanted, int got) {
        return wanted != 0 && wanted != got ? " (" + wanted + " was taken)" : "";
    }
}
