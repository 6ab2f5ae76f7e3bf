package dev.scoreline.gateway.act;

import dev.scoreline.delta.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The acting side of one gateway: where moves go, where verdicts come from, and each connection's limit. */
public final class Moves implements AutoCloseable {

    private final ActionProducer producer;
    private final Verdicts verdicts = new Verdicts();
    private final VerdictFeed feed;
    private final int movesPerSecond;
    private final int moveBurst;

    public Moves(String bootstrapServers, String tableTopic, String walletTopic, String verdictTopic,
            Map<String, String> kafka, int movesPerSecond, int moveBurst) {
        this.producer = new ActionProducer(bootstrapServers,
                Map.of(Channel.Kind.TABLE, tableTopic, Channel.Kind.PLAYER, walletTopic), kafka);
        this.feed = new VerdictFeed(bootstrapServers, verdictTopic, kafka, verdicts);
        this.movesPerSecond = movesPerSecond;
        this.moveBurst = moveBurst;
    }

    public void start() {
        feed.start();
    }

    /** True once a move taken now will find its verdict. */
    public boolean isReady() {
        return feed.isReady();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return feed.awaitReady(timeout);
    }

    public Verdicts verdicts() {
        return verdicts;
    }

    /** A fresh limit for a new connection. */
    public MoveLimiter limiter() {
        return new MoveLimiter(movesPerSecond, moveBurst, System.nanoTime());
    }

    public CompletableFuture<Void> produce(ActionGate.Admitted action) {
        return producer.send(action);
    }

    @Override
    public void close() {
        feed.close();
        producer.close();
    }
}
