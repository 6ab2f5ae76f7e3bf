package dev.scoreline.gateway.ws;

import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.ClientServices;
import dev.scoreline.gateway.act.ActionGate;
import dev.scoreline.gateway.act.MoveLimiter;
import dev.scoreline.gateway.act.Verdicts;
import dev.scoreline.gateway.auth.Access;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.Connection;
import dev.scoreline.gateway.wire.ClientFrames;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.wire.ClientMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * One WebSocket client: reads its frames ({@link FrameReader}) and messages (subscribe,
 * unsubscribe, ping, act), checks them, and keeps it alive with pings. Everything here runs on the
 * connection's I/O thread.
 *
 * <p>Errors go back as {@code error} messages: {@code bad-request} for a malformed message (the
 * {@code maxMalformed}-th closes the connection with 1008), {@code unauthorized} or
 * {@code forbidden} for a channel the client may not read, {@code too-many-subscriptions},
 * {@code not-subscribed}. None of them touches the connection's other subscriptions.
 */
final class WebSocketSession implements FrameReader.Events {

    /** One read buffer per I/O thread: a connection holds bytes only while a frame is incomplete. */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(16 * 1024));

    private final StreamConnection channel;
    private final ConduitStreamSourceChannel in;
    private final FrameReader reader;
    private final WebSocketSink sink;
    private final Connection connection;
    private final Grant connectionGrant;
    private final ClientServices services;

    private long lastHeardNanos = System.nanoTime();
    private long lastPingNanos = System.nanoTime();
    private int malformed;
    private XnioExecutor.Key ticker;
    private final MoveLimiter moveLimit;
    /** The token each table was subscribed to with, to act there with the same one. */
    private Map<String, Grant> tableGrants = Map.of();

    WebSocketSession(StreamConnection channel, WebSocketSink sink, Connection connection, Grant connectionGrant,
            ClientServices services) {
        this.channel = channel;
        this.in = channel.getSourceChannel();
        this.reader = new FrameReader(services.config().maxFrameBytes(), this);
        this.sink = sink;
        this.connection = connection;
        this.connectionGrant = connectionGrant;
        this.services = services;
        this.moveLimit = services.moves().limiter();
        followPlayerOf(connectionGrant);
    }

    void start() {
        channel.setCloseListener(ch -> ended());
        in.getReadSetter().set(ch -> readable());
        in.resumeReads();
        long tick = Math.max(20, Math.min(1000, services.config().pingInterval().toMillis() / 2));
        ticker = channel.getIoThread().executeAtInterval(this::tick, tick, TimeUnit.MILLISECONDS);
    }

    private void readable() {
        ByteBuffer buf = READ_BUFFER.get();
        try {
            while (channel.isOpen()) {
                buf.clear();
                int n = in.read(buf);
                if (n == -1) {
                    // the client went without a close frame
                    IoUtils.safeClose(channel);
                    return;
                }
                if (n == 0) {
                    return;
                }
                buf.flip();
                reader.read(buf);
            }
        } catch (IOException e) {
            connection.close(CloseReason.ERROR, String.valueOf(e.getMessage()));
            IoUtils.safeClose(channel);
        }
    }

    @Override
    public void text(String message) {
        heard();
        ClientFrames.Parsed parsed = ClientFrames.parse(message);
        if (parsed instanceof ClientFrames.Malformed bad) {
            malformed(bad.reason(), bad.channel(), bad.actionId());
            return;
        }
        ClientMessage msg = ((ClientFrames.Message) parsed).message();
        if (msg instanceof ClientMessage.Subscribe s) {
            subscribe(s);
        } else if (msg instanceof ClientMessage.Act a) {
            act(a);
        } else if (msg instanceof ClientMessage.Unsubscribe u) {
            if (connection.isSubscribed(u.channel())) {
                connection.unsubscribe(u.channel(), services.hubs());
            } else {
                connection.sendError("not-subscribed", "no subscription to " + u.channel(), u.channel());
            }
        } else {
            connection.send(Frame.pong());
        }
    }

    private void subscribe(ClientMessage.Subscribe s) {
        Channel target = Channel.parse(s.channel());
        Grant grant = s.token() != null ? services.verifier().verify(s.token()) : connectionGrant;
        Access.Decision decision = Access.check(target, grant, services.clock().instant());
        if (!decision.allowed()) {
            connection.sendError(decision.verdict().code(), decision.reason(), s.channel());
            return;
        }
        if (!connection.isSubscribed(s.channel()) && connection.subscriptionCount() >= services.config().maxSubscriptions()) {
            connection.sendError("too-many-subscriptions",
                    "at most " + services.config().maxSubscriptions() + " subscriptions per connection", s.channel());
            return;
        }
        if (target.isPrivate() && !services.shards().serves(target.playerId())) {
            connection.sendError("moved", "another gateway serves player " + target.playerId()
                    + "'s private channels: GET /v1/route with the token for where to connect", s.channel());
            connection.close(CloseReason.MOVED, "moved: another gateway serves the player; GET /v1/route");
            return;
        }
        services.hubs().subscribe(connection, s.channel(), s.since());
        if (target.isPrivate() && !services.shards().serves(target.playerId())) {
            connection.close(CloseReason.MOVED, "moved: the player's partition moved while subscribing; GET /v1/route");
            return;
        }
        if (s.token() != null && target.kind() == Channel.Kind.TABLE) {
            if (tableGrants.isEmpty()) {
                tableGrants = new HashMap<>(4);
            }
            tableGrants.put(target.entityId(), grant);
            followPlayerOf(grant);
        }
    }

    private void act(ClientMessage.Act a) {
        if (!moveLimit.tryTake(System.nanoTime())) {
            connection.sendActError("rate-limited", "more than " + services.config().movesPerSecond()
                    + " moves a second (bursts of " + services.config().moveBurst() + "): this move was not sent",
                    a.channel(), a.id());
            return;
        }
        if (!services.moves().isReady()) {
            connection.sendActError("unavailable", "this gateway is not ready for moves yet; retry the same id",
                    a.channel(), a.id());
            return;
        }
        Grant grant = a.token() != null ? services.verifier().verify(a.token())
                : tableGrants.getOrDefault(Channel.parse(a.channel()).entityId(), connectionGrant);
        ActionGate.Outcome outcome = ActionGate.admit(a.id(), a.channel(), a.action(), grant, services.clock().instant());
        if (outcome instanceof ActionGate.Refused refused) {
            connection.sendActError(refused.code(), refused.message(), a.channel(), a.id());
            return;
        }
        ActionGate.Admitted admitted = (ActionGate.Admitted) outcome;
        Verdicts verdicts = services.moves().verdicts();
        verdicts.follow(admitted.playerId(), connection);
        verdicts.awaiting(connection, admitted.eventId());
        services.moves().produce(admitted).whenComplete((done, error) -> {
            if (error != null) {
                connection.sendActError("unavailable", "Kafka did not take the move (" + error.getMessage()
                        + "); retry the same id", a.channel(), a.id());
            }
        });
    }

    /** A player's token makes this connection theirs: their verdicts reach it. */
    private void followPlayerOf(Grant grant) {
        if (grant instanceof Grant.Valid valid && valid.player() != null) {
            services.moves().verdicts().follow(valid.player(), connection);
        }
    }

    private void malformed(String reason, String channelName, String actionId) {
        if (actionId != null) {
            connection.sendActError("bad-request", reason, channelName, actionId);
        } else {
            connection.sendError("bad-request", reason, channelName);
        }
        if (++malformed >= services.config().maxMalformed()) {
            connection.close(CloseReason.ABUSE, "too many malformed messages (" + malformed + ")");
        }
    }

    @Override
    public void binary() {
        heard();
        malformed("binary messages are not part of the protocol: send JSON text", null, null);
    }

    @Override
    public void ping(byte[] payload) {
        heard();
        sink.pong(payload);
    }

    @Override
    public void pong() {
        heard();
    }

    @Override
    public void close(int code) {
        sink.closeReceived(code);
    }

    @Override
    public void violation(CloseReason reason, String why) {
        connection.close(reason, why);
    }

    private void heard() {
        lastHeardNanos = System.nanoTime();
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - lastHeardNanos > services.config().idleTimeout().toNanos()) {
            connection.close(CloseReason.IDLE, "idle: nothing heard for " + seconds(services.config().idleTimeout()) + " s");
            return;
        }
        if (now - lastPingNanos >= services.config().pingInterval().toNanos()) {
            lastPingNanos = now;
            sink.ping();
        }
        connection.checkStall();
    }

    private void ended() {
        if (ticker != null) {
            ticker.remove();
        }
        connection.closed(services.hubs());
        services.moves().verdicts().forget(connection);
        services.registry().remove(connection);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}
