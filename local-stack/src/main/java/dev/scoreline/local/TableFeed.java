package dev.scoreline.local;

import dev.scoreline.json.Json;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Simulated tables played live: the bots' events go to Kafka when their event time comes, so the
 * tables' clocks (turn time-outs included) run with the wall clock.
 */
final class TableFeed {

    private final TableSimulator simulator;
    private final Clock clock;

    TableFeed(int tables, long seed, Clock clock) {
        this.clock = clock;
        this.simulator = new TableSimulator(seed, TableSimulator.Settings.demo(tables, clock.instant()));
    }

    /** Runs until {@code stop} says so; @return how many events were sent. */
    int run(Producer<String, String> producer, String topic, IntConsumer progress, BooleanSupplier stop)
            throws InterruptedException {
        int sent = 0;
        while (simulator.hasNext() && !stop.getAsBoolean()) {
            TableEvent event = simulator.next();
            Instant due = event.eventTime();
            long wait;
            while ((wait = due.toEpochMilli() - clock.millis()) > 0) {
                if (stop.getAsBoolean()) {
                    return sent;
                }
                Thread.sleep(Math.min(200, wait));
            }
            producer.send(new ProducerRecord<>(topic, event.tableId(), Json.string(event)));
            progress.accept(++sent);
        }
        return sent;
    }
}
