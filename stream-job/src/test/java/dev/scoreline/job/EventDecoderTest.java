package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.table.event.TableEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Kafka's clock for players' actions: their event time is the record's timestamp, not the gateway's. */
class EventDecoderTest {

    private static final Instant KAFKA_TIME = Instant.parse("2025-06-01T18:00:21.250Z");
    private final EventDecoder<TableEvent> decoder = new EventDecoder<>(TableEvent.class, "table-event", 64 * 1024);

    private static byte[] bet(String eventId) {
        return ("{\"type\":\"bet\",\"eventId\":\"" + eventId + "\",\"tableId\":\"demo-1\","
                + "\"eventTime\":\"2025-06-01T18:00:15Z\",\"playerId\":\"ann\",\"amount\":20}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private TableEvent decode(byte[] value, long timestamp) {
        Incoming<TableEvent> in = decoder.decode("table-events", 0, 5, timestamp, null, value);
        assertThat(in.deadLetter()).isNull();
        return in.event().event();
    }

    @Test
    void anActionTakesTheRecordsTimestampAsItsEventTime() {
        assertThat(decode(bet("act:ann:a-17"), KAFKA_TIME.toEpochMilli()).eventTime()).isEqualTo(KAFKA_TIME);
    }

    @Test
    void anyOtherEventKeepsTheTimeItWasWrittenWith() {
        assertThat(decode(bet("demo-1:9"), KAFKA_TIME.toEpochMilli()).eventTime())
                .isEqualTo(Instant.parse("2025-06-01T18:00:15Z"));
    }

    @Test
    void anActionWithoutATimestampKeepsItsOwnTime() {
        assertThat(decode(bet("act:ann:a-17"), -1).eventTime()).isEqualTo(Instant.parse("2025-06-01T18:00:15Z"));
    }
}
