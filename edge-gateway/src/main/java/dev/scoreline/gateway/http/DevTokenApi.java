package dev.scoreline.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.act.ActionGate;
import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.act.WalletOrders;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/dev/token?table=T[&player=P[&welcome=true]]}: a token for a table (and a seat),
 * signed with the public dev secret, so the demo page can follow any seat. It exists only in dev
 * mode without a configured secret: a gateway with a real secret never hands out tokens, the table
 * service does. With {@code welcome}, the player's wallet also gets a welcome bonus of
 * {@value #WELCOME_CHIPS} chips (order {@code welcome}, so once per wallet while the job remembers
 * the id), as the game's backend would: the page asks it for its visitor, who then has chips to sit
 * with, and not for the seats it only watches.
 */
final class DevTokenApi {

    static final Duration LIFETIME = Duration.ofHours(1);

    static final long WELCOME_CHIPS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DevTokenApi.class);

    private final String devSecret;
    private final Clock clock;
    private final Moves moves;

    DevTokenApi(String devSecret, Clock clock, Moves moves) {
        this.devSecret = devSecret;
        this.clock = clock;
        this.moves = moves;
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
        if (player == null || !"true".equals(single(exchange, "welcome"))) {
            Responses.json(exchange, StatusCodes.OK, ByteBuffer.wrap(Json.bytes(body)));
            return;
        }
        ObjectNode welcome = Json.object().put("id", "welcome").put("chips", WELCOME_CHIPS).put("cause", "bonus");
        ActionGate.Admitted credit = (ActionGate.Admitted) WalletOrders.admit(WalletOrders.Kind.CREDIT, player, welcome,
                clock.instant());
        // answered once Kafka holds the bonus, so that a sit right after the token finds the chips
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> moves.produce(credit).whenComplete((done, failure) ->
                exchange.getIoThread().execute(() -> {
                    if (failure != null) {
                        LOG.warn("the welcome bonus of {} was not sent: {}", player, failure.toString());
                    }
                    Responses.json(exchange, StatusCodes.OK, ByteBuffer.wrap(Json.bytes(body)));
                })));
    }

    private static String single(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
