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
    void anActCarriesItsIdChannelActionAndOptionalToken() {
        ClientMessage.Act act = (ClientMessage.Act) ((Message) ClientFrames.parse(
                "{\"type\":\"act\",\"id\":\"a-17\",\"channel\":\"table:demo-1\",\"action\":{\"type\":\"bet\",\"amount\":20},"
                        + "\"token\":\"t\"}")).message();
        assertThat(act.id()).isEqualTo("a-17");
        assertThat(act.channel()).isEqualTo("table:demo-1");
        assertThat(act.action().path("amount").asLong()).isEqualTo(20);
        assertThat(act.token()).isEqualTo("t");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no id                 | {\"type\":\"act\",\"channel\":\"table:t\",\"action\":{\"type\":\"pack\"}}            | \"id\"      | table:t | ",
        "an id with a colon    | {\"type\":\"act\",\"id\":\"a:b\",\"channel\":\"table:t\",\"action\":{\"type\":\"pack\"}} | \"id\"      | table:t | ",
        "an id of 65           | {\"type\":\"act\",\"id\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"channel\":\"table:t\",\"action\":{}} | \"id\" | table:t | ",
        "a bad channel         | {\"type\":\"act\",\"id\":\"a1\",\"channel\":\"nope\",\"action\":{\"type\":\"pack\"}}        | channel     |         | a1",
        "an action not object  | {\"type\":\"act\",\"id\":\"a1\",\"channel\":\"table:t\",\"action\":[1]}                   | \"action\"  | table:t | a1",
        "an empty token        | {\"type\":\"act\",\"id\":\"a1\",\"channel\":\"table:t\",\"action\":{},\"token\":\"\"}      | \"token\"   | table:t | a1",
    })
    void aMalformedActSaysWhatIsWrongAndNamesTheIdWhenItIsValid(String why, String frame, String reasonPart,
            String channel, String id) {
        Malformed m = (Malformed) ClientFrames.parse(frame);
        assertThat(m.reason()).as(why).contains(reasonPart);
        assertThat(m.channel()).as(why).isEqualTo(channel);
        assertThat(m.actionId()).as(why).isEqualTo(id);
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
