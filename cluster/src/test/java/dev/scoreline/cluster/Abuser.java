package dev.scoreline.cluster;

import dev.scoreline.json.Json;
import dev.scoreline.wire.ClientMessage;
import dev.scoreline.wire.ServerMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Clients that misbehave at a gateway, each in one way, and what the gateway did to them. */
final class Abuser implements AutoCloseable {

    enum Kind { HALF_OPEN_TCP, HALF_OPEN_UPGRADE, SLOW_READER, MALFORMED, OVERSIZED, SUBSCRIPTION_FLOOD, BAD_TOKEN }

    final Kind kind;
    private Socket raw;
    private WebSocket ws;
    final AtomicInteger errors = new AtomicInteger();
    volatile int closeCode = -1;

    private Abuser(Kind kind) {
        this.kind = kind;
    }

    static Abuser start(Kind kind, int port) throws Exception {
        Abuser a = new Abuser(kind);
        switch (kind) {
            case HALF_OPEN_TCP -> a.raw = connect(port, 0);
            case HALF_OPEN_UPGRADE -> {
                a.raw = connect(port, 0);
                a.raw.getOutputStream().write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: webso"
                        .getBytes(StandardCharsets.US_ASCII));
            }
            case SLOW_READER -> {
                // A tiny receive window and no reads after the handshake: the gateway's writes back up.
                a.raw = connect(port, 1024);
                upgrade(a.raw);
                for (String channel : new String[] {"match:ab-a", "match:tm-a", "match:tm-b", "match:kb-a", "match:kb-b"}) {
                    sendText(a.raw.getOutputStream(), Json.string(new ClientMessage.Subscribe(channel, null, null)));
                }
            }
            case MALFORMED -> {
                a.ws = a.webSocket(port);
                // the gateway closes a connection that keeps sending garbage, maybe before all 20 are sent
                for (int i = 0; i < 20; i++) {
                    if (!a.send(i % 2 == 0 ? "not json {" : "{\"type\":\"subscribe\",\"channel\":42}")) {
                        break;
                    }
                }
            }
            case OVERSIZED -> {
                a.ws = a.webSocket(port);
                a.ws.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}", true);
            }
            case SUBSCRIPTION_FLOOD -> {
                a.ws = a.webSocket(port);
                for (int i = 0; i < 200; i++) {
                    if (!a.send(Json.string(new ClientMessage.Subscribe("match:flood-" + i, null, null)))) {
                        break;
                    }
                }
            }
            case BAD_TOKEN -> {
                a.ws = a.webSocket(port);
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
            ws.sendText(text, true).join();
            return true;
        } catch (CompletionException closed) {
            return false;
        }
    }

    private WebSocket webSocket(int port) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        if (last && Json.read(data.toString(), ServerMessage.class) instanceof ServerMessage.ErrorFrame) {
                            errors.incrementAndGet();
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closeCode = statusCode;
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        if (closeCode < 0) {
                            closeCode = 0;
                        }
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    private static Socket connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    private static void upgrade(Socket s) throws IOException {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        s.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        s.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        StringBuilder head = new StringBuilder();
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the gateway closed during the upgrade: " + head);
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
    }

    /** One masked text frame, as a client must send it. */
    private static void sendText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            if (raw != null) {
                raw.close();
            }
        } catch (IOException ignored) {
            // the abuser is done either way
        }
        if (ws != null) {
            ws.abort();
        }
    }
}
