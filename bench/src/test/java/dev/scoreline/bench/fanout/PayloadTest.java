package dev.scoreline.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Delta;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ServerMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void theKafkaDeltaBecomesExactlyTheFrameTheGatewaySends() {
        String kafka = Payload.kafkaDeltaJson("match:b3", 17, 123456789L, "pp");
        Delta delta = Json.read(kafka, Delta.class);
        assertThat(delta.channel()).isEqualTo("match:b3");
        assertThat(delta.from()).isEqualTo(17);
        assertThat(delta.to()).isEqualTo(17);
        // the gateway encodes a delta frame with the project's one mapper; Mosquitto and the limit
        // server must carry the same bytes
        String frame = Json.string(ServerMessage.DeltaFrame.of(delta));
        assertThat(Json.tree(frame)).isEqualTo(Json.tree(Payload.deltaFrameJson("match:b3", 17, 123456789L, "pp")));
    }

    @Test
    void sentAtIsReadFromADeltaAndAbsentFromASnapshot() {
        byte[] delta = Payload.deltaFrameJson("match:b0", 2, 987654321012L, "x").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(delta.length + 10);
        b.position(5);
        b.put(delta);
        assertThat(Payload.isDelta(b, 5, delta.length)).isTrue();
        assertThat(Payload.sentAt(b, 5, delta.length)).isEqualTo(987654321012L);

        byte[] snapshot = "{\"type\":\"snapshot\",\"channel\":\"match:b0\",\"epoch\":\"e1\",\"version\":1,\"state\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Payload.isDelta(ByteBuffer.wrap(snapshot), 0, snapshot.length)).isFalse();
        assertThat(Payload.sentAt(ByteBuffer.wrap(snapshot), 0, snapshot.length)).isEqualTo(-1);
    }

    @Test
    void aSentAtCutShortByTheMessageEndIsReadOnlyUpToIt() {
        byte[] text = "{\"sentAt\":12345".getBytes(StandardCharsets.US_ASCII);
        assertThat(Payload.sentAt(ByteBuffer.wrap(text), 0, text.length - 2)).isEqualTo(123);
        assertThat(Payload.sentAt(ByteBuffer.wrap(text), 0, 10)).isEqualTo(-1);
    }
}
