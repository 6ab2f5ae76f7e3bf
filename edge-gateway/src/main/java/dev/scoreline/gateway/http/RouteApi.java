package dev.scoreline.gateway.http;

import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.gateway.feed.PrivateShards;
import dev.scoreline.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client should connect: {@code GET /v1/route} with its token (Authorization: Bearer, or
 * {@code ?token=}) answers the gateway that serves its player's private channels,
 * {@code {"player","partition","gateway","websocket","sse"}}; without a player, this gateway.
 * 503 with Retry-After while the gateways are still sharing the players out, 401 for a bad or
 * expired token.
 * A request for a private channel on a gateway that does not serve it is redirected the same way
 * ({@link #elsewhere}).
 */
public final class RouteApi {

    private final PrivateShards shards;
    private final TokenVerifier verifier;
    private final Clock clock;

    RouteApi(PrivateShards shards, TokenVerifier verifier, Clock clock) {
        this.shards = shards;
        this.verifier = verifier;
        this.clock = clock;
    }

    void route(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(() -> route(exchange));
            return;
        }
        Deque<String> tokenParam = exchange.getQueryParameters().get("token");
        Grant grant = verifier.verify(BearerToken.of(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                tokenParam == null ? null : tokenParam.peekFirst()));
        if (grant instanceof Grant.Invalid invalid) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            Responses.error(exchange, StatusCodes.UNAUTHORIZED, "unauthorized", invalid.reason());
            return;
        }
        if (grant instanceof Grant.Valid valid && valid.expiresAt() != null && !clock.instant().isBefore(valid.expiresAt())) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            Responses.error(exchange, StatusCodes.UNAUTHORIZED, "unauthorized", "token expired at " + valid.expiresAt());
            return;
        }
        String player = grant instanceof Grant.Valid valid ? valid.player() : null;
        if (player == null) {
            Responses.json(exchange, StatusCodes.OK, body(null, null, shards.self()));
            return;
        }
        Optional<PrivateShards.Owner> owner = shards.ownerOf(player);
        if (owner.isEmpty()) {
            unavailable(exchange, player);
            return;
        }
        Responses.json(exchange, StatusCodes.OK, body(player, owner.get().partition(), owner.get().gateway()));
    }

    /**
     * Answers a request for {@code player}'s private channel that this gateway does not serve: 307
     * to the same path and query at the gateway that does (browsers' EventSource follows it), or 503
     * with Retry-After while nobody does.
     */
    public static void elsewhere(HttpServerExchange exchange, PrivateShards shards, String player) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(() -> elsewhere(exchange, shards, player));
            return;
        }
        Optional<PrivateShards.Owner> owner = shards.ownerOf(player);
        if (owner.isEmpty() || owner.get().gateway().equals(shards.self())) {
            unavailable(exchange, player);
            return;
        }
        String query = exchange.getQueryString();
        String location = owner.get().gateway() + exchange.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        Responses.text(exchange, StatusCodes.TEMPORARY_REDIRECT, "player " + player + " is served by " + owner.get().gateway());
    }

    private static void unavailable(HttpServerExchange exchange, String player) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        Responses.error(exchange, StatusCodes.SERVICE_UNAVAILABLE, "unavailable",
                "no gateway serves player " + player + " yet (the gateways are sharing the players out); retry");
    }

    private static ByteBuffer body(String player, Integer partition, String gateway) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (player != null) {
            body.put("player", player);
            body.put("partition", partition);
        }
        body.put("gateway", gateway);
        body.put("websocket", gateway.replaceFirst("^http", "ws") + "/ws");
        body.put("sse", gateway + "/sse");
        return ByteBuffer.wrap(Json.bytes(body));
    }
}
