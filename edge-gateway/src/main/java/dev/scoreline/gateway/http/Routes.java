package dev.scoreline.gateway.http;

import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.auth.ServerTokenVerifier;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.feed.PrivateShards;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.json.Json;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.Resource;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The gateway's HTTP surface: {@code /ws}, {@code /sse}, {@code /v1/channels[/…]},
 * {@code POST /v1/channels/{channel}/actions}, {@code POST /v1/wallets/{playerId}/credits|debits},
 * {@code GET /v1/route}, {@code /healthz}, {@code /metrics}, in dev mode {@code /v1/dev/token}, and the static page: {@code /} serves {@code index.html}
 * and {@code /static/<path>} serves {@code <path>}, both from the classpath folder
 * {@code dev/scoreline/gateway/web/} (404 while there is none).
 */
public final class Routes {

    public static final String WEB_ROOT = "dev/scoreline/gateway/web/";

    private Routes() {}

    /**
     * @param devSecret the public dev secret when the gateway runs in dev mode without a secret of
     *     its own, which opens {@code /v1/dev/token}; null otherwise
     */
    public static HttpHandler of(HttpHandler webSocket, HttpHandler sse, Hubs hubs, TokenVerifier verifier,
            GatewayMetrics metrics, BooleanSupplier ready, Clock clock, String devSecret, ActionsSettings acting,
            PrivateShards shards) {
        ChannelsApi channels = new ChannelsApi(hubs, verifier, clock, shards);
        RouteApi route = new RouteApi(shards, verifier, clock);
        ActionsApi actions = new ActionsApi(acting.moves(), verifier, clock, acting.maxBodyBytes(), acting.verdictWait());
        WalletsApi wallets = new WalletsApi(acting.moves(), acting.servers(), clock, acting.maxBodyBytes());
        HttpHandler snapshot = get(channels::snapshot);
        HttpHandler web = webResources();
        PathHandler paths = Handlers.path(exchange -> Responses.text(exchange, StatusCodes.NOT_FOUND, "no such path"))
                .addExactPath("/ws", webSocket)
                .addExactPath("/sse", sse)
                .addExactPath("/v1/channels", get(channels::list))
                .addExactPath("/v1/route", get(route::route))
                .addPrefixPath("/v1/channels/", exchange -> {
                    if (exchange.getRelativePath().endsWith(ActionsApi.SUFFIX)) {
                        post(actions::act).handleRequest(exchange);
                    } else {
                        snapshot.handleRequest(exchange);
                    }
                })
                .addPrefixPath(WalletsApi.PREFIX, post(wallets::order))
                .addExactPath("/healthz", get(exchange -> health(exchange, ready, hubs)))
                .addExactPath("/metrics", get(exchange -> metrics(exchange, metrics)))
                .addPrefixPath("/static", web)
                .addExactPath("/", web);
        if (devSecret != null) {
            paths.addExactPath("/v1/dev/token", get(new DevTokenApi(devSecret, clock, acting.moves())::issue));
        }
        return paths;
    }

    /** Files of the web folder; anything else there (a folder, a missing file) is a 404. */
    private static HttpHandler webResources() {
        ClassPathResourceManager files = new ClassPathResourceManager(Routes.class.getClassLoader(), WEB_ROOT);
        ResourceHandler serve = new ResourceHandler(files).setDirectoryListingEnabled(false);
        return get(exchange -> {
            String path = exchange.getRelativePath();
            if (path.isEmpty() || path.equals("/")) {
                path = "/index.html";
            }
            Resource file = files.getResource(path);
            if (file == null || file.isDirectory()) {
                Responses.text(exchange, StatusCodes.NOT_FOUND, "no such file: " + path);
                return;
            }
            exchange.setRelativePath(path);
            serve.handleRequest(exchange);
        });
    }

    /**
     * What {@code POST /v1/channels/{channel}/actions} and {@code POST /v1/wallets/…} work with.
     *
     * @param servers checks the game backend's tokens, which alone open {@code /v1/wallets/…}
     */
    public record ActionsSettings(Moves moves, int maxBodyBytes, Duration verdictWait, ServerTokenVerifier servers) {}

    private static HttpHandler post(HttpHandler handler) {
        return exchange -> {
            if (exchange.getRequestMethod().equals(Methods.POST)) {
                handler.handleRequest(exchange);
            } else {
                exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
                Responses.text(exchange, StatusCodes.METHOD_NOT_ALLOWED, "POST only");
            }
        };
    }

    private static HttpHandler get(HttpHandler handler) {
        return exchange -> {
            if (exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD)) {
                handler.handleRequest(exchange);
            } else {
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
                Responses.text(exchange, StatusCodes.METHOD_NOT_ALLOWED, "GET only");
            }
        };
    }

    private static void health(HttpServerExchange exchange, BooleanSupplier ready, Hubs hubs) {
        boolean isReady = ready.getAsBoolean();
        Map<String, Object> body = Map.of("status", isReady ? "ready" : "warming-up", "channels", hubs.knownChannels());
        Responses.json(exchange, isReady ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
                ByteBuffer.wrap(Json.bytes(body)));
    }

    private static void metrics(HttpServerExchange exchange, GatewayMetrics metrics) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, metrics.contentType());
        exchange.getResponseSender().send(ByteBuffer.wrap(metrics.scrapeText()));
    }
}
