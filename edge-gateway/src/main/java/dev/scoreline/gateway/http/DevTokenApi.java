package dev.scoreline.gateway.http;

import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/dev/token?table=T[&player=P]}: a token for a table (and a seat), signed with the
 * public dev secret, so the demo page can follow any seat. It exists only in dev mode without a
 * configured secret: a gateway with a real secret never hands out tokens, the table service does.
 */
final class DevTokenApi {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final String devSecret;
    private final Clock clock;

    DevTokenApi(String devSecret, Clock clock) {
        this.devSecret = devSecret;
        this.clock = clock;
    }

    void issue(HttpServerExchange exchange) {
        String table = single(exchange, "table");
        String player = single(exchange, "player");
        try {
            Channel.table(table);
            if (player != null) {
                Channel.seat(table, player);
            }
        } catch (IllegalArgumentException e) {
            Responses.text(exchange, StatusCodes.BAD_REQUEST, "give a table id (and optionally a player id): "
                    + e.getMessage());
            return;
        }
        Instant expires = clock.instant().plus(LIFETIME);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", Tokens.issue(devSecret, table, player, expires));
        body.put("table", table);
        if (player != null) {
            body.put("player", player);
        }
        body.put("expiresAt", expires.toString());
        Responses.json(exchange, StatusCodes.OK, ByteBuffer.wrap(Json.bytes(body)));
    }

    private static String single(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
