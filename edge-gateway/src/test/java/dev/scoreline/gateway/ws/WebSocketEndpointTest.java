package dev.scoreline.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebSocketEndpointTest {

    @Test
    void theAcceptKeyIsTheOneOfRfc6455Section1_3() {
        // the example handshake of RFC 6455, section 1.3
        assertThat(WebSocketEndpoint.accept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }
}
