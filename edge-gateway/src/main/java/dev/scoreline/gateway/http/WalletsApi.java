package dev.scoreline.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.act.ActionGate;
import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.act.WalletOrders;
import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.auth.ServerTokenVerifier;
import dev.scoreline.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/wallets/{playerId}/credits} and {@code …/debits} with {@code {"id", "chips",
 * "cause"}} and the game backend's token as {@code Authorization: Bearer}: the server's way to put
 * chips into a wallet or take them out, never a player's. Answers 202 with {@code {"eventId",
 * "status": "accepted"}} once Kafka holds the order (the same id again moves nothing more), 401
 * without a server token, 400 for a malformed order, 503 when Kafka would not take it (retry the
 * same id). The wallet applies it in order with the player's own moves; a debit above the balance
 * is refused there, as a dead letter with the reason, and the wallet's channel shows every
 * movement.
 */
final class WalletsApi {

    static final String PREFIX = "/v1/wallets/";
    private static final Logger LOG = LoggerFactory.getLogger(WalletsApi.class);

    private final Moves moves;
    private final ServerTokenVerifier verifier;
    private final Clock clock;
    private final int maxBodyBytes;

    WalletsApi(Moves moves, ServerTokenVerifier verifier, Clock clock, int maxBodyBytes) {
        this.moves = moves;
        this.verifier = verifier;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    void order(HttpServerExchange exchange) {
        String[] parts = exchange.getRelativePath().replaceFirst("^/", "").split("/", -1);
        WalletOrders.Kind kind = parts.length == 2 ? kindOf(parts[1]) : null;
        if (kind == null) {
            error(exchange, StatusCodes.NOT_FOUND, "not-found",
                    "POST /v1/wallets/{playerId}/credits or /v1/wallets/{playerId}/debits");
            return;
        }
        ServerTokenVerifier.Result token = verifier.verify(
                BearerToken.of(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION), null));
        if (token instanceof ServerTokenVerifier.Refused refused) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            error(exchange, StatusCodes.UNAUTHORIZED, "unauthorized", refused.reason());
            return;
        }
        String backend = ((ServerTokenVerifier.Server) token).backend();
        Responses.readBody(exchange, maxBodyBytes, "an order", (ex, body) -> {
            JsonNode order;
            try {
                order = Json.tree(body);
            } catch (RuntimeException e) {
                error(ex, StatusCodes.BAD_REQUEST, "bad-request", "the body is not JSON");
                return;
            }
            send(ex, backend, WalletOrders.admit(kind, parts[0], order, clock.instant()));
        });
    }

    private void send(HttpServerExchange exchange, String backend, ActionGate.Outcome outcome) {
        if (outcome instanceof ActionGate.Refused refused) {
            error(exchange, refused.httpStatus(), refused.code(), refused.message());
            return;
        }
        ActionGate.Admitted admitted = (ActionGate.Admitted) outcome;
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> moves.produce(admitted).whenComplete((done, failure) ->
                exchange.getIoThread().execute(() -> {
                    if (failure != null) {
                        error(exchange, StatusCodes.SERVICE_UNAVAILABLE, "unavailable",
                                "Kafka did not take the order (" + failure.getMessage() + "); retry the same id");
                        return;
                    }
                    LOG.info("{} sent {} to the wallet of {}", backend, admitted.eventId(), admitted.key());
                    Responses.json(exchange, StatusCodes.ACCEPTED, ByteBuffer.wrap(Json.bytes(
                            Map.of("eventId", admitted.eventId(), "status", "accepted"))));
                })));
    }

    private static WalletOrders.Kind kindOf(String path) {
        for (WalletOrders.Kind kind : WalletOrders.Kind.values()) {
            if (kind.path().equals(path)) {
                return kind;
            }
        }
        return null;
    }

    private static void error(HttpServerExchange exchange, int status, String code, String message) {
        Responses.error(exchange, status, code, message);
    }
}
