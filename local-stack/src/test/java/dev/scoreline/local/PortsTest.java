package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void theDocumentedPortWhenFreeElseAnyAndSaysSo() {
        assertThat(Ports.preferred(9092, port -> true)).isEqualTo(9092);
        assertThat(Ports.preferred(9092, port -> false)).isZero();
        assertThat(Ports.preferred(0, port -> false)).isZero();
        assertThat(Ports.note(9092, 9092)).isEmpty();
        assertThat(Ports.note(9092, 40123)).isEqualTo(" (9092 was taken)");
        assertThat(Ports.note(0, 40123)).isEmpty();
    }

    @Test
    void aPortSomeoneListensOnIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(Ports.free(taken.getLocalPort())).isFalse();
            assertThat(Ports.preferred(taken.getLocalPort(), Ports::free)).isZero();
        }
    }
}
