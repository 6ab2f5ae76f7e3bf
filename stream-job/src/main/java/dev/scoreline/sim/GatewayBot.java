package dev.scoreline.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bot that acts as a person does, through a gateway: one WebSocket with a player's token, the
 * channels it follows, and one action at a time, each after a moment's thought and answered by the
 * job's verdict. It knows nothing the job does not tell it. Subclasses keep their views of the
 * channels and decide what to do; this class keeps the connection, the action in flight and the
 * thinking.
 */
public abstract class GatewayBot implements AutoCloseable {

    /** What a bot's actions give, for a benchmark or a test to measure; called on the socket's thread. */
    public interface Observer {
        /** @param sentNanos when the {@code act} was sent ({@link System#nanoTime()}) */
        void verdict(JsonNode verdict, long sentNanos);

        Observer NONE = (verdict, sentNanos) -> { };
    }

    /** How long an action may go without an answer before the bot decides again. */
    private static final Duration UNANSWERED = Duration.ofSeconds(10);

    /** The bot's chance, seeded: the same seed makes the same choices and names its actions alike. */
    protected final SplittableRandom random;
    private final Duration think;
    private final ScheduledExecutorService timers;
    private final Observer observer;
    private final String runId;
    private BotSocket socket;
    private int actions;
    private String inFlight;
    private long inFlightSentNanos;
    private boolean thinking;
    private volatile boolean closed;

    /** @param think how long it waits at least before an action; up to twice that at random */
    protected GatewayBot(long seed, Duration think, ScheduledExecutorService timers, Observer observer) {
        this.random = new SplittableRandom(seed);
        this.runId = Long.toString(random.nextLong() >>> 1, 36);
        this.think = think;
        this.timers = timers;
        this.observer = observer;
    }

    /** Connects with {@code token} and follows {@code channels}; the bot acts from there until {@link #close()}. */
    protected static <B extends GatewayBot> CompletableFuture<B> connect(B bot, HttpClient http, URI gateway,
            String token, List<String> channels) {
        GatewayBot base = bot;
        return BotSocket.open(http, gateway, token, base::received).thenApply(socket -> {
            synchronized (base) {
                base.socket = socket;
                channels.forEach(socket::subscribe);
            }
            return bot;
        });
    }

    private synchronized void received(JsonNode m) {
        String type = m.path("type").asText();
        boolean answer = type.equals("verdict") || type.equals("error");
        if (answer && m.path("id").asText().equals(inFlight)) {
            inFlight = null;
            if (type.equals("verdict")) {
                observer.verdict(m, inFlightSentNanos);
                answered(m);
            }
        } else if (!answer) {
            seen(m);
        }
        consider();
    }

    /** A message of a channel the bot follows (a snapshot, a delta). */
    protected abstract void seen(JsonNode message);

    /** The verdict on the bot's own action. */
    protected void answered(JsonNode verdict) {}

    /** Decides whether there is something to do now, and schedules it ({@link #later}); asked after every message. */
    protected abstract void consider();

    /** True while the bot may not decide: closed, an action unanswered, or thinking. */
    protected final boolean busy() {
        return closed || inFlight != null || thinking;
    }

    /** Runs {@code action} after a moment's thought, unless an action went out meanwhile. */
    protected final void later(Runnable action) {
        thinking = true;
        long base = think.toMillis();
        long delay = base == 0 ? 0 : base + random.nextLong(base + 1);
        timers.schedule(() -> {
            synchronized (this) {
                thinking = false;
                if (!closed && inFlight == null) {
                    action.run();
                }
                consider();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Sends {@code action} on {@code channel}, named afresh; the next waits for its answer. */
    protected final void act(String channel, ObjectNode action) {
        String id = runId + "-" + (++actions);
        inFlight = id;
        inFlightSentNanos = System.nanoTime();
        socket.send(Map.of("type", "act", "id", id, "channel", channel, "action", action));
        timers.schedule(() -> {
            synchronized (this) {
                // no answer at all (a gateway that went away): think again rather than wait for ever
                if (id.equals(inFlight)) {
                    inFlight = null;
                    consider();
                }
            }
        }, UNANSWERED.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The actions sent so far. */
    public synchronized int actions() {
        return actions;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (socket != null) {
            socket.close("bot done");
        }
    }
}
