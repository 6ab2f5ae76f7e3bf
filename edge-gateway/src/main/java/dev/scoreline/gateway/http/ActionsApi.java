package dev.scoreline.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.action.Verdict;
import dev.scoreline.gateway.act.ActionGate;
import dev.scoreline.gateway.act.MoveLimiter;
import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ServerMessage;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/channels/{channel}/actions} with {@code {"id": …, "action": {…}}} and the
 * player's token as {@code Authorization: Bearer}: the same act as the WebSocket frame, for a client
 * without one. Answers 200 with the verdict frame once the job decides, 202 with
 * {@code {"id", "status": "pending"}} when it has not within the gateway's wait (retry the same id
 * to learn it), or an error {@code {"code", "message"}} with its status when nothing was produced.
 * Moves are limited per player, as a WebSocket limits them per connection.
 */
final class ActionsApi {

    static final String SUFFIX = "/actions";
    /** How many players' limits are kept; the least recently acting are forgotten first. */
    private static final int LIMITED_PLAYERS = 100_000;

    private final Moves moves;
    private final TokenVerifier verifier;
    private final Clock clock;
    private final int maxBodyBytes;
    private final Duration verdictWait;
    private final Map<String, MoveLimiter> limits = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MoveLimiter> eldest) {
            return size() > LIMITED_PLAYERS;
        }
    };

    ActionsApi(Moves moves, TokenVerifier verifier, Clock clock, int maxBodyBytes, Duration verdictWait) {
        this.moves = moves;
        this.verifier = verifier;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.verdictWait = verdictWait;
    }

    void act(HttpServerExchange exchange) {
        String path = exchange.getRelativePath();
        String channel = path.substring(path.startsWith("/") ? 1 : 0, path.length() - SUFFIX.length());
        Responses.readBody(exchange, maxBodyBytes, "an action", (ex, body) -> handle(ex, channel, body));
    }

    private void handle(HttpServerExchange exchange, String channel, byte[] body) {
        JsonNode request;
        try {
            request = Json.tree(body);
        } catch (RuntimeException e) {
            error(exchange, StatusCodes.BAD_REQUEST, "bad-request", "the body is not JSON");
            return;
        }
        if (!request.isObject()) {
            error(exchange, StatusCodes.BAD_REQUEST, "bad-request", "the body is {\"id\": …, \"action\": {…}}");
            return;
        }
        String id = request.path("id").isTextual() ? request.get("id").asText() : null;
        Grant grant = verifier.verify(BearerToken.of(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION), null));
        ActionGate.Outcome outcome = ActionGate.admit(id, channel, request.get("action"), grant, clock.instant());
        if (outcome instanceof ActionGate.Refused refused) {
            if (refused.httpStatus() == StatusCodes.UNAUTHORIZED) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            }
            error(exchange, refused.httpStatus(), refused.code(), refused.message());
            return;
        }
        ActionGate.Admitted admitted = (ActionGate.Admitted) outcome;
        if (!withinLimit(admitted.playerId())) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(exchange, StatusCodes.TOO_MANY_REQUESTS, "rate-limited", "too many moves a second: this one was not sent");
            return;
        }
        if (!moves.isReady()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(exchange, StatusCodes.SERVICE_UNAVAILABLE, "unavailable", "this gateway is not ready for moves yet");
            return;
        }
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            var verdict = moves.verdicts().request(admitted.eventId(), verdictWait);
            moves.produce(admitted).whenComplete((done, failure) -> {
                if (failure != null) {
                    verdict.cancel(false);
                    exchange.getIoThread().execute(() -> error(exchange, StatusCodes.SERVICE_UNAVAILABLE, "unavailable",
                            "Kafka did not take the move (" + failure.getMessage() + "); retry the same id"));
                    return;
                }
                verdict.whenComplete((v, e) -> exchange.getIoThread().execute(() -> answer(exchange, id, v)));
            });
        });
    }

    private boolean withinLimit(String player) {
        synchronized (limits) {
            return limits.computeIfAbsent(player, p -> moves.limiter()).tryTake(System.nanoTime());
        }
    }

    private static void answer(HttpServerExchange exchange, String id, Verdict verdict) {
        if (verdict == null) {
            Responses.json(exchange, StatusCodes.ACCEPTED,
                    ByteBuffer.wrap(Json.bytes(Map.of("id", id, "status", "pending"))));
        } else {
            Responses.json(exchange, StatusCodes.OK, ByteBuffer.wrap(Json.bytes(ServerMessage.VerdictFrame.of(verdict))));
        }
    }

    private static void error(HttpServerExchange exchange, int status, String code, String message) {
        Responses.error(exchange, status, code, message);
    }
}
