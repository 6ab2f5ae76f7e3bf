package dev.scoreline.cluster;

import dev.scoreline.json.Json;
import dev.scoreline.testkit.RawWebSocket;
import dev.scoreline.testkit.WsClient;
import dev.scoreline.wire.ClientMessage;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

/** Clients that misbehave at a gateway, each in one way, and what the gateway did to them. */
final class Abuser implements AutoCloseable {

    enum Kind { HALF_OPEN_TCP, HALF_OPEN_UPGRADE, SLOW_READER, MALFORMED, OVERSIZED, SUBSCRIPTION_FLOOD, BAD_TOKEN }

    final Kind kind;
    private Socket tcp;
    private RawWebSocket raw;
    private WsClient ws;

    private Abuser(Kind kind) {
        this.kind = kind;
    }

    static Abuser start(Kind kind, int port) throws Exception {
        Abuser a = new Abuser(kind);
        switch (kind) {
            case HALF_OPEN_TCP -> a.tcp = RawWebSocket.tcp(port, 0);
            case HALF_OPEN_UPGRADE -> {
                a.tcp = RawWebSocket.tcp(port, 0);
                a.tcp.getOutputStream().write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: webso"
                        .getBytes(StandardCharsets.US_ASCII));
            }
            case SLOW_READER -> {
                // A tiny receive window and no reads after the handshake: the gateway's writes back up.
                a.raw = RawWebSocket.connect(port, 1024);
                for (String channel : new String[] {"match:ab-a", "match:tm-a", "match:tm-b", "match:kb-a", "match:kb-b"}) {
                    a.raw.sendText(Json.string(new ClientMessage.Subscribe(channel, null, null)));
                }
            }
            case MALFORMED -> {
                a.ws = WsClient.connect(port);
                // the gateway closes a connection that keeps sending garbage, maybe before all 20 are sent
                for (int i = 0; i < 20; i++) {
                    if (!a.send(i % 2 == 0 ? "not json {" : "{\"type\":\"subscribe\",\"channel\":42}")) {
                        break;
                    }
                }
            }
            case OVERSIZED -> {
                a.ws = WsClient.connect(port);
                a.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");
            }
            case SUBSCRIPTION_FLOOD -> {
                a.ws = WsClient.connect(port);
                for (int i = 0; i < 200; i++) {
                    if (!a.send(Json.string(new ClientMessage.Subscribe("match:flood-" + i, null, null)))) {
                        break;
                    }
                }
            }
            case BAD_TOKEN -> {
                a.ws = WsClient.connect(port);
                if (a.send(Json.string(new ClientMessage.Subscribe("table:demo-1/seat:p1", null,
                        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwMSJ9.forged")))) {
                    a.send(Json.string(new ClientMessage.Subscribe("table:demo-1", null, "not-a-token")));
                }
            }
        }
        return a;
    }

    /** Sends one message; false when the gateway has already closed the connection (a refusal is what is tested). */
    private boolean send(String text) {
        try {
            ws.send(text);
            return true;
        } catch (CompletionException closed) {
            return false;
        }
    }

    /** The error frames the gateway answered with. */
    int errors() {
        return ws == null ? 0 : ws.errors().size();
    }

    /** The gateway's close code; 0 when the connection broke without one, -1 while it is open. */
    int closeCode() {
        if (ws == null || !ws.isClosed()) {
            return -1;
        }
        return Math.max(0, ws.closed().join().code());
    }

    @Override
    public void close() {
        try {
            if (tcp != null) {
                tcp.close();
            }
            if (raw != null) {
                raw.close();
            }
        } catch (IOException ignored) {
            // the abuser is done either way
        }
        if (ws != null) {
            ws.close();
        }
    }
}
