package dev.scoreline.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.gateway.wire.ClientFrames.Malformed;
import dev.scoreline.gateway.wire.ClientFrames.Message;
import dev.scoreline.wire.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientFramesTest {

    @Test
    void readsTheProtocolsMessages() {
        assertThat(ClientFrames.parse("{\"type\":\"subscribe\",\"channel\":\"match:1082591\"}"))
                .isEqualTo(new Message(new ClientMessage.Subscribe("match:1082591", null, null)));
        assertThat(ClientFrames.parse(
                "{\"type\":\"subscribe\",\"channel\":\"table:t1/seat:p9\",\"since\":{\"epoch\":\"e-7\",\"version\":42},\"token\":\"abc\"}"))
                .isEqualTo(new Message(new ClientMessage.Subscribe(
                        "table:t1/seat:p9", new ClientMessage.Position("e-7", 42), "abc")));
        assertThat(ClientFrames.parse("{\"type\":\"unsubscribe\",\"channel\":\"table:t1\"}"))
                .isEqualTo(new Message(new ClientMessage.Unsubscribe("table:t1")));
        assertThat(ClientFrames.parse("{\"type\":\"ping\"}")).isEqualTo(new Message(new ClientMessage.Ping()));
    }

    @Test
    void ignoresMembersItDoesNotKnow() {
        assertThat(ClientFrames.parse("{\"type\":\"ping\",\"id\":7}")).isEqualTo(new Message(new ClientMessage.Ping()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json at all                                                              | not JSON",
        "[1,2]                                                                        | a message is a JSON object",
        "{}                                                                           | \"type\" is missing",
        "{\"type\":7}                                                                 | \"type\" is missing or not a string",
        "{\"type\":\"shout\"}                                                         | unknown type 'shout'",
        "{\"type\":\"subscribe\"}                                                     | \"channel\" is missing",
        "{\"type\":\"subscribe\",\"channel\":5}                                       | \"channel\" is missing or not a string",
        "{\"type\":\"subscribe\",\"channel\":\"score:1\"}                             | not a channel: 'score:1'",
        "{\"type\":\"subscribe\",\"channel\":\"match:1/seat:p\"}                      | a match has no seat channels",
        "{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":3}                 | \"since\" must be an object",
        "{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":{\"version\":3}}   | \"since.epoch\" must be a non-empty string",
        "{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":{\"epoch\":\"e\",\"version\":-1}} | \"since.version\" must be a whole number",
        "{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":{\"epoch\":\"e\",\"version\":1.5}} | \"since.version\" must be a whole number",
        "{\"type\":\"subscribe\",\"channel\":\"match:1\",\"token\":42}                | \"token\" must be a non-empty string",
        "{\"type\":\"unsubscribe\"}                                                   | \"channel\" is missing",
    })
    void saysWhatIsWrongWithAMalformedMessage(String text, String reason) {
        ClientFrames.Parsed parsed = ClientFrames.parse(text.strip());
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).contains(reason.strip());
    }

    @Test
    void aMalformedSubscriptionNamesItsChannelWhenTheChannelIsValid() {
        Malformed m = (Malformed) ClientFrames.parse("{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":3}");
        assertThat(m.channel()).isEqualTo("match:1");
        Malformed bad = (Malformed) ClientFrames.parse("{\"type\":\"subscribe\",\"channel\":\"score:1\"}");
        assertThat(bad.channel()).isNull();
    }

    @Test
    void errorFramesCarryTheProtocolsFields() {
        Frame f = Frame.error("bad-request", "why", "match:1");
        assertThat(new String(f.json(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"error\",\"code\":\"bad-request\",\"message\":\"why\",\"channel\":\"match:1\"}");
        assertThat(new String(Frame.error("bad-request", "why", null).json(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"error\",\"code\":\"bad-request\",\"message\":\"why\"}");
        assertThat(new String(Frame.pong().json(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"pong\"}");
    }
}
