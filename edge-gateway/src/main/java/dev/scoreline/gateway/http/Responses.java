package dev.scoreline.gateway.http;

import dev.scoreline.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.BiConsumer;

/** Small complete requests and responses, read and written without blocking. */
public final class Responses {

    private Responses() {}

    /**
     * Reads the whole body, at most {@code maxBytes} (413 beyond, said both from the declared length
     * and from what came), and hands it to {@code then}; a body that cannot be read is a 400.
     *
     * @param what the request's thing, for the 413's message ("an action")
     */
    static void readBody(HttpServerExchange exchange, int maxBytes, String what,
            BiConsumer<HttpServerExchange, byte[]> then) {
        if (exchange.getRequestContentLength() > maxBytes) {
            error(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "too-big", what + " is at most " + maxBytes + " bytes");
            return;
        }
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            if (body.length > maxBytes) {
                error(ex, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "too-big", what + " is at most " + maxBytes + " bytes");
                return;
            }
            then.accept(ex, body);
        }, (ex, e) -> error(ex, StatusCodes.BAD_REQUEST, "bad-request", "the body could not be read: " + e.getMessage()));
    }

    /** An error of the wire protocol as JSON: {@code {"code", "message"}}. */
    static void error(HttpServerExchange exchange, int status, String code, String message) {
        json(exchange, status, ByteBuffer.wrap(Json.bytes(Map.of("code", code, "message", message))));
    }

    /** A plain-text answer (a refused upgrade, a bad SSE request), ended with a newline. */
    public static void text(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text.endsWith("\n") ? text : text + "\n");
    }

    static void json(HttpServerExchange exchange, int status, ByteBuffer body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseSender().send(body);
    }
}
