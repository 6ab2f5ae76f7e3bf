package dev.scoreline.gateway.http;

import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.auth.Access;
import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.gateway.fanout.Hub;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.feed.PrivateShards;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/channels/{channel}}: the channel's snapshot message (the same object as a
 * WebSocket {@code snapshot}), 404 for a channel this gateway has no state of, 401/403 for one the
 * caller may not read. {@code GET /v1/channels[?prefix=…]}: the channels the caller may read that
 * the gateway knows, with their epoch and version; anonymous callers see the public ones. A
 * private channel another gateway serves is a 307 there ({@link RouteApi#elsewhere}).
 */
final class ChannelsApi {

    /** The listing's body. */
    record Listing(List<Hub.Summary> channels) {}

    private final Hubs hubs;
    private final TokenVerifier verifier;
    private final Clock clock;
    private final PrivateShards shards;

    ChannelsApi(Hubs hubs, TokenVerifier verifier, Clock clock, PrivateShards shards) {
        this.hubs = hubs;
        this.verifier = verifier;
        this.clock = clock;
        this.shards = shards;
    }

    void snapshot(HttpServerExchange exchange) {
        String name = exchange.getRelativePath();
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        Channel channel;
        try {
            channel = Channel.parse(name);
        } catch (IllegalArgumentException e) {
            Responses.text(exchange, StatusCodes.BAD_REQUEST, e.getMessage());
            return;
        }
        Access.Decision decision = Access.check(channel, grant(exchange), clock.instant());
        if (!decision.allowed()) {
            if (decision.verdict() == Access.Verdict.UNAUTHORIZED) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            }
            Responses.text(exchange, decision.verdict().httpStatus(), decision.reason());
            return;
        }
        if (channel.isPrivate() && !shards.serves(channel.playerId())) {
            RouteApi.elsewhere(exchange, shards, channel.playerId());
            return;
        }
        Optional<Frame> snapshot = hubs.snapshot(channel.name());
        if (snapshot.isEmpty()) {
            Responses.text(exchange, StatusCodes.NOT_FOUND, "unknown channel: " + channel.name());
            return;
        }
        Responses.json(exchange, StatusCodes.OK, ByteBuffer.wrap(snapshot.get().json()));
    }

    void list(HttpServerExchange exchange) {
        Deque<String> prefixParam = exchange.getQueryParameters().get("prefix");
        String prefix = prefixParam == null || prefixParam.isEmpty() ? "" : prefixParam.peekFirst();
        Grant grant = grant(exchange);
        List<Hub.Summary> readable = hubs.list(name -> name.startsWith(prefix)
                && Access.check(Channel.parse(name), grant, clock.instant()).allowed());
        Responses.json(exchange, StatusCodes.OK, ByteBuffer.wrap(Json.bytes(new Listing(readable))));
    }

    private Grant grant(HttpServerExchange exchange) {
        Deque<String> token = exchange.getQueryParameters().get("token");
        return verifier.verify(BearerToken.of(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                token == null ? null : token.peekFirst()));
    }
}
