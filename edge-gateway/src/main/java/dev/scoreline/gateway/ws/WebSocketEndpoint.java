package dev.scoreline.gateway.ws;

import dev.scoreline.gateway.ClientServices;
import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.fanout.AutoSubscriptions;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.Connection;
import dev.scoreline.gateway.http.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.xnio.StreamConnection;

/**
 * {@code /ws}: the WebSocket upgrade. A full gateway answers 503 before upgrading (or, when two
 * upgrades race for the last place, closes the loser with 1013). The token on the upgrade request,
 * if any, is checked once here and applies to every subscription that does not bring its own.
 * The connection is subscribed at once to the gateway's auto-subscribed channels, each resumed from
 * the upgrade's {@code ?since=<channel>:<epoch>:<version>} if it names one ({@link AutoSubscriptions});
 * a {@code since} that cannot be used gets an error frame ({@code bad-request}, or
 * {@code not-auto-subscribed} for a channel that is not auto-subscribed here), and its channel a snapshot.
 *
 * <p>The handshake is RFC 6455's (section 4.2), version 13, with no subprotocol and no extension;
 * after it the socket is the gateway's own ({@link WebSocketSink}, {@link FrameReader}) rather than
 * Undertow's WebSocket channel, whose per-message framing cost more than the rest of the fan-out.
 */
public final class WebSocketEndpoint implements HttpHandler {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ClientServices services;

    public WebSocketEndpoint(ClientServices services) {
        this.services = services;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        String connectionHeader = exchange.getRequestHeaders().getFirst(Headers.CONNECTION);
        String key = exchange.getRequestHeaders().getFirst(Headers.SEC_WEB_SOCKET_KEY);
        if (!exchange.getRequestMethod().equals(Methods.GET) || upgrade == null
                || !upgrade.equalsIgnoreCase("websocket") || connectionHeader == null
                || !connectionHeader.toLowerCase(Locale.ROOT).contains("upgrade") || key == null) {
            Responses.text(exchange, StatusCodes.BAD_REQUEST, "/ws takes a WebSocket upgrade (GET with Upgrade: websocket)");
            return;
        }
        if (!isKey(key)) {
            Responses.text(exchange, StatusCodes.BAD_REQUEST, "Sec-WebSocket-Key must be 16 random bytes in base64 (RFC 6455 4.1)");
            return;
        }
        if (!"13".equals(exchange.getRequestHeaders().getFirst(Headers.SEC_WEB_SOCKET_VERSION))) {
            exchange.getResponseHeaders().put(Headers.SEC_WEB_SOCKET_VERSION, "13");
            Responses.text(exchange, StatusCodes.UPGRADE_REQUIRED, "/ws speaks WebSocket version 13 (RFC 6455)");
            return;
        }
        if (services.registry().full()) {
            services.metrics().rejected("max-connections");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            Responses.text(exchange, StatusCodes.SERVICE_UNAVAILABLE, "this gateway holds its maximum of "
                    + services.config().maxConnections() + " connections; try another or retry later");
            return;
        }
        Deque<String> tokenParam = exchange.getQueryParameters().get("token");
        String token = BearerToken.of(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                tokenParam == null || tokenParam.isEmpty() ? null : tokenParam.getFirst());
        Deque<String> sinceParam = exchange.getQueryParameters().get("since");
        List<String> since = sinceParam == null ? List.of() : List.copyOf(sinceParam);
        exchange.getResponseHeaders().put(Headers.UPGRADE, "websocket");
        exchange.getResponseHeaders().put(Headers.SEC_WEB_SOCKET_ACCEPT, accept(key));
        exchange.upgradeChannel((connection, upgraded) -> onConnect(connection, token, since));
        exchange.endExchange();
    }

    private static boolean isKey(String key) {
        try {
            return Base64.getDecoder().decode(key.trim()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Sec-WebSocket-Accept: the key and RFC 6455's GUID, hashed with SHA-1, in base64. */
    public static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key.trim() + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private void onConnect(StreamConnection channel, String token, List<String> since) {
        WebSocketSink sink = new WebSocketSink(channel, services.config().closeGrace());
        if (!services.registry().reserve()) {
            services.metrics().rejected("max-connections");
            sink.sendClose(CloseReason.OVER_CAPACITY.code(), "this gateway holds its maximum of connections");
            return;
        }
        Connection connection = new Connection(services.registry().nextId(), "websocket", sink, services.fanoutLimits(), services.metrics(),
                System::nanoTime);
        services.registry().add(connection);
        // before the session reads: a client's first message finds the auto-subscriptions in place
        AutoSubscriptions.Start start = services.autoSubscriptions().start(since);
        for (AutoSubscriptions.Problem problem : start.problems()) {
            connection.sendError(problem.code(), problem.message(), problem.channel());
        }
        services.autoSubscriptions().subscribe(connection, services.hubs(), start.since());
        new WebSocketSession(channel, sink, connection, services.verifier().verify(token), services)
                .start();
    }
}
