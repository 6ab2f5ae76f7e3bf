package dev.scoreline.gateway.fanout;

/**
 * Why a connection ended, with the WebSocket close code the gateway sends for it (RFC 6455
 * section 7.4.1) and the label of the {@code closes} metric.
 */
public enum CloseReason {
    /** Fell behind again and again, or its backlog stayed over the limit even after conflation. */
    TOO_SLOW(1013, "too-slow"),
    /** The gateway already holds as many connections as it may. */
    OVER_CAPACITY(1013, "over-capacity"),
    /** Answered nothing (no pong, no message) within the idle time-out. */
    IDLE(1001, "idle"),
    /** Too many malformed messages. */
    ABUSE(1008, "abuse"),
    /** A message over the frame size limit. */
    TOO_BIG(1009, "too-big"),
    /** Frames that break the WebSocket protocol (unmasked, reserved bits, a bad opcode or fragment). */
    PROTOCOL(1002, "protocol"),
    /** A text message that is not UTF-8. */
    BAD_TEXT(1007, "bad-text"),
    /**
     * Another gateway serves the player's private channels now (gateways joined or left): the
     * client asks {@code GET /v1/route} where, and resumes there. A code of the application's
     * range (RFC 6455 7.4.2), like HTTP's 307: the same request, elsewhere.
     */
    MOVED(4307, "moved"),
    /** The gateway is shutting down. */
    SHUTDOWN(1001, "shutdown"),
    /** The client closed, or the network did. */
    PEER(1000, "peer"),
    /** The transport failed under us. */
    ERROR(1011, "error");

    private final int code;
    private final String label;

    CloseReason(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }
}
