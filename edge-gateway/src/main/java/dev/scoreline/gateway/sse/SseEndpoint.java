package dev.scoreline.gateway.sse;

import dev.scoreline.gateway.ClientServices;
import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.auth.Access;
import dev.scoreline.gateway.auth.BearerToken;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.Connection;
import dev.scoreline.gateway.http.Responses;
import dev.scoreline.gateway.http.RouteApi;
import dev.scoreline.wire.ClientMessage.Position;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.channels.StreamSinkChannel;

/**
 * {@code GET /sse?channel=…[&channel=…]}: Server-Sent Events, events {@code snapshot} and
 * {@code delta} whose data are the WebSocket messages. The stream is checked whole before it
 * starts: a bad channel name is a 400, a channel the caller may not read a 401 or 403 (a stream
 * cannot report per-channel errors later). {@code Last-Event-ID} (or {@code ?lastEventId=}, for
 * clients that cannot set headers) resumes, see {@link EventIds}. The gateway's auto-subscribed
 * channels are part of every stream, after the named ones (so {@code channel} may then be left out),
 * and of its ids and {@code Last-Event-ID} like them.
 */
public final class SseEndpoint implements HttpHandler {

    private static final HttpString LAST_EVENT_ID = new HttpString("Last-Event-ID");

    private final ClientServices services;

    public SseEndpoint(ClientServices services) {
        this.services = services;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            Responses.text(exchange, StatusCodes.METHOD_NOT_ALLOWED, "/sse takes GET");
            return;
        }
        Deque<String> names = exchange.getQueryParameters().get("channel");
        List<String> requested = new ArrayList<>(names == null ? List.of() : names);
        if (requested.isEmpty() && services.autoSubscriptions().isEmpty()) {
            Responses.text(exchange, StatusCodes.BAD_REQUEST, "name at least one channel: /sse?channel=match:<id>[&channel=…]");
            return;
        }
        requested.addAll(services.autoSubscriptions().channels());
        List<Channel> channels = new ArrayList<>();
        for (String name : requested) {
            try {
                Channel c = Channel.parse(name);
                if (!channels.contains(c)) {
                    channels.add(c);
                }
            } catch (IllegalArgumentException e) {
                Responses.text(exchange, StatusCodes.BAD_REQUEST, e.getMessage());
                return;
            }
        }
        if (channels.size() > services.config().maxSubscriptions()) {
            Responses.text(exchange, StatusCodes.BAD_REQUEST, "at most " + services.config().maxSubscriptions() + " channels per stream"
                    + (services.autoSubscriptions().isEmpty() ? "" : ", counting the gateway's own "
                            + services.autoSubscriptions().channels()));
            return;
        }
        Deque<String> tokenParam = exchange.getQueryParameters().get("token");
        Grant grant = services.verifier().verify(BearerToken.of(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                tokenParam == null ? null : tokenParam.peekFirst()));
        for (Channel c : channels) {
            Access.Decision decision = Access.check(c, grant, services.clock().instant());
            if (!decision.allowed()) {
                if (decision.verdict() == Access.Verdict.UNAUTHORIZED) {
                    exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
                }
                Responses.text(exchange, decision.verdict().httpStatus(), decision.reason());
                return;
            }
        }
        for (Channel c : channels) {
            if (c.isPrivate() && !services.shards().serves(c.playerId())) {
                RouteApi.elsewhere(exchange, services.shards(), c.playerId());
                return;
            }
        }
        if (!services.registry().reserve()) {
            services.metrics().rejected("max-connections");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            Responses.text(exchange, StatusCodes.SERVICE_UNAVAILABLE, "this gateway holds its maximum of "
                    + services.config().maxConnections() + " connections; try another or retry later");
            return;
        }
        String lastEventId = exchange.getRequestHeaders().getFirst(LAST_EVENT_ID);
        if (lastEventId == null) {
            Deque<String> p = exchange.getQueryParameters().get("lastEventId");
            lastEventId = p == null ? null : p.peekFirst();
        }
        List<String> channelNames = channels.stream().map(Channel::name).toList();
        Map<String, Position> since = EventIds.parse(lastEventId, channelNames);

        exchange.setStatusCode(StatusCodes.OK);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(new HttpString("X-Accel-Buffering"), "no");
        exchange.setPersistent(false);
        StreamSinkChannel channel = exchange.getResponseChannel();
        // a dispatched task keeps Undertow from ending the exchange when this handler returns
        exchange.dispatch(exchange.getIoThread(), () -> start(exchange, channel, channelNames, since));
    }

    private void start(HttpServerExchange exchange, StreamSinkChannel channel, List<String> channelNames,
            Map<String, Position> since) {
        SseSink sink = new SseSink(exchange, channel, channelNames, services.config().closeGrace());
        Connection connection = new Connection(services.registry().nextId(), "sse", sink, services.fanoutLimits(), services.metrics(),
                System::nanoTime);
        services.registry().add(connection);
        AtomicBoolean ended = new AtomicBoolean();
        XnioExecutor.Key[] ticker = new XnioExecutor.Key[1];
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                if (ticker[0] != null) {
                    ticker[0].remove();
                }
                connection.closed(services.hubs());
                services.registry().remove(connection);
            }
        };
        exchange.addExchangeCompleteListener((ex, next) -> {
            end.run();
            next.proceed();
        });
        exchange.getConnection().addCloseListener(c -> end.run());
        watchForHangUp(exchange);
        sink.comment("scoreline " + String.join(" ", channelNames));
        for (String name : channelNames) {
            services.hubs().subscribe(connection, name, since.get(name));
            String player = Channel.ownerOf(name);
            if (player != null && !services.shards().serves(player)) {
                connection.close(CloseReason.MOVED, "moved: the player's partition moved while subscribing");
                break;
            }
        }
        ticker[0] = exchange.getIoThread().executeAtInterval(() -> {
            sink.comment("keep-alive");
            connection.checkStall();
        }, services.config().pingInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * An event stream's client never sends anything after its request, so Undertow stops reading
     * the socket; reading it again is how a client that hangs up is noticed at once rather than at
     * the next failed write. Whatever it might send is discarded (the connection is not reused).
     */
    private static void watchForHangUp(HttpServerExchange exchange) {
        if (!(exchange.getConnection() instanceof AbstractServerConnection connection)) {
            return;
        }
        StreamSourceChannel source = connection.getChannel().getSourceChannel();
        ByteBuffer scratch = ByteBuffer.allocate(256);
        source.getReadSetter().set(ch -> {
            try {
                int n;
                do {
                    scratch.clear();
                    n = ch.read(scratch);
                } while (n > 0);
                if (n < 0) {
                    IoUtils.safeClose(exchange.getConnection());
                }
            } catch (IOException e) {
                IoUtils.safeClose(exchange.getConnection());
            }
        });
        source.resumeReads();
    }
}
