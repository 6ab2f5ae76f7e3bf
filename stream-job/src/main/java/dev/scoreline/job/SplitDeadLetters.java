package dev.scoreline.job;

import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.json.Json;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes events on and sends the records that are not events to the dead-letter topic. */
final class SplitDeadLetters<E> extends ProcessFunction<Incoming<E>, Sourced<E>> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<Outgoing> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(Outgoing.class));

    private final String deadLetterTopic;

    SplitDeadLetters(String deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public void processElement(Incoming<E> in, Context ctx, Collector<Sourced<E>> out) {
        if (in.event() != null) {
            out.collect(in.event());
            return;
        }
        DeadLetter letter = in.deadLetter();
        ctx.output(DEAD_LETTERS, new Outgoing(deadLetterTopic, letter.key(), Json.bytes(letter),
                ctx.timerService().currentProcessingTime()));
    }
}
