package dev.scoreline.gateway.ws;

import dev.scoreline.gateway.ClientServices;
import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.fanout.AutoSubscriptions;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.Connection;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.List;

/**
 * {@code /ws}: the WebSocket upgrade. A full gateway answers 503 before upgrading (or, when two
 * upgrades race for the last place, closes the loser with 1013). The token on the upgrade request,
 * if any, is checked once here and applies to every subscription that does not bring its own.
 * The connection is subscribed at once to the gateway's auto-subscribed channels, each resumed from
 * the upgrade's {@code ?since=<channel>:<epoch>:<version>} if it names one ({@link AutoSubscriptions});
 * a {@code since} that cannot be used gets an error frame ({@code bad-request}, or
 * {@code not-auto-subscribed} for a channel that is not auto-subscribed here), and its channel a snapshot.
 */
public final class WebSocketEndpoint implements HttpHandler, WebSocketConnectionCallback {

    private final ClientServices services;
    private final HttpHandler handshake;

    public WebSocketEndpoint(ClientServices services) {
        this.services = services;
        this.handshake = new WebSocketProtocolHandshakeHandler(this, WebSocketEndpoint::notAnUpgrade);
    }

    private static void notAnUpgrade(HttpServerExchange exchange) {
        exchange.setStatusCode(StatusCodes.BAD_REQUEST);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send("/ws takes a WebSocket upgrade (GET with Upgrade: websocket)\n");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (services.registry().full()) {
            services.metrics().rejected("max-connections");
            exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            exchange.getResponseSender().send("this gateway holds its maximum of " + services.config().maxConnections()
                    + " connections; try another or retry later\n");
            return;
        }
        handshake.handleRequest(exchange);
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        if (!services.registry().reserve()) {
            services.metrics().rejected("max-connections");
            WebSockets.sendClose(CloseReason.OVER_CAPACITY.code(), "this gateway holds its maximum of connections",
                    channel, null);
            return;
        }
        List<String> tokenParam = exchange.getRequestParameters().get("token");
        String token = BearerToken.of(exchange.getRequestHeader("Authorization"),
                tokenParam == null || tokenParam.isEmpty() ? null : tokenParam.get(0));
        WebSocketSink sink = new WebSocketSink(channel, services.config().closeGrace());
        Connection connection = new Connection(services.registry().nextId(), "websocket", sink, services.config().fanoutLimits(), services.metrics(),
                System::nanoTime);
        services.registry().add(connection);
        // before the session reads: a client's first message finds the auto-subscriptions in place
        List<String> since = exchange.getRequestParameters().get("since");
        AutoSubscriptions.Start start = services.autoSubscriptions().start(since == null ? List.of() : since);
        for (AutoSubscriptions.Problem problem : start.problems()) {
            connection.sendError(problem.code(), problem.message(), problem.channel());
        }
        services.autoSubscriptions().subscribe(connection, services.hubs(), start.since());
        new WebSocketSession(channel, sink, connection, services.verifier().verify(token), services)
                .start();
    }
}
