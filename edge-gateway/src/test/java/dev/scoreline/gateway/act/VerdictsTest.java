package dev.scoreline.gateway.act;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.action.Actions;
import dev.scoreline.action.Verdict;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.Connection;
import dev.scoreline.gateway.fanout.FanoutLimits;
import dev.scoreline.gateway.fanout.OutboundQueue;
import dev.scoreline.gateway.fanout.Sink;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Who on a gateway gets a verdict: the connection that sent the move, else the player's, once. */
class VerdictsTest {

    /** A client that reads at once: every frame is written and confirmed on the spot. */
    private static final class Reader implements Sink {
        final List<JsonNode> frames = new ArrayList<>();

        @Override
        public Executor thread() {
            return Runnable::run;
        }

        @Override
        public void write(List<OutboundQueue.Queued> batch, WriteDone done) {
            for (OutboundQueue.Queued q : batch) {
                frames.add(Json.tree(q.frame().json()));
                done.written(q.frame().size());
            }
        }

        @Override
        public void close(CloseReason reason, String detail) {}
    }

    private final Verdicts verdicts = new Verdicts();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private long ids;

    private Reader connect(String player) {
        Reader reader = new Reader();
        Connection c = new Connection(++ids, "websocket", reader,
                new FanoutLimits(1 << 20, 1 << 16, 3, Duration.ofSeconds(30), Duration.ofSeconds(30)), metrics,
                System::nanoTime);
        readers.add(c);
        verdicts.follow(player, c);
        return reader;
    }

    private final List<Connection> readers = new ArrayList<>();

    private static Verdict accepted(String player, String id, long version) {
        return Verdict.accepted(new Actions.Action(player, id), "table:t1", Actions.eventId(player, id), version,
                Instant.now());
    }

    @Test
    void theConnectionThatSentTheMoveGetsItsVerdictAndThePlayersOtherTabDoesNot() {
        Reader tab1 = connect("ann");
        Reader tab2 = connect("ann");
        verdicts.awaiting(readers.get(0), "act:ann:m1");

        assertThat(verdicts.deliver(accepted("ann", "m1", 7))).isEqualTo(1);
        assertThat(tab1.frames).hasSize(1);
        assertThat(tab1.frames.get(0).path("type").asText()).isEqualTo("verdict");
        assertThat(tab1.frames.get(0).path("id").asText()).isEqualTo("m1");
        assertThat(tab1.frames.get(0).path("version").asLong()).isEqualTo(7);
        assertThat(tab2.frames).isEmpty();
    }

    @Test
    void aVerdictNobodyHereWaitsForReachesEveryConnectionOfThePlayerOnceAndNoOneElse() {
        Reader ann = connect("ann");
        Reader bob = connect("bob");

        assertThat(verdicts.deliver(accepted("ann", "m2", 3))).isEqualTo(1);
        assertThat(verdicts.deliver(accepted("ann", "m2", 3))).as("the job's repeat").isZero();
        assertThat(ann.frames).hasSize(1);
        assertThat(bob.frames).isEmpty();
    }

    @Test
    void aRetryIsAnsweredAgainEvenAfterTheFirstVerdictWasDelivered() {
        Reader ann = connect("ann");
        verdicts.awaiting(readers.get(0), "act:ann:m3");
        verdicts.deliver(accepted("ann", "m3", 4));
        verdicts.awaiting(readers.get(0), "act:ann:m3");
        verdicts.deliver(accepted("ann", "m3", 4));
        assertThat(ann.frames).hasSize(2).allSatisfy(f -> assertThat(f.path("version").asLong()).isEqualTo(4));
    }

    @Test
    void aClosedConnectionIsForgottenAndAnHttpRequestGetsItsVerdictOrNullInTime() throws Exception {
        Reader ann = connect("ann");
        verdicts.forget(readers.get(0));
        CompletableFuture<Verdict> request = verdicts.request("act:ann:m4", Duration.ofSeconds(5));
        verdicts.deliver(accepted("ann", "m4", 9));
        assertThat(ann.frames).isEmpty();
        assertThat(request.get().version()).isEqualTo(9);

        CompletableFuture<Verdict> unanswered = verdicts.request("act:ann:m5", Duration.ofMillis(50));
        assertThat(unanswered.get()).isNull();
    }
}
