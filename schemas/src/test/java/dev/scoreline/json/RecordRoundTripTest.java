package dev.scoreline.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.action.Verdict;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.InningsEnd;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.InningsTarget;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.match.event.PenaltyRuns;
import dev.scoreline.wire.ClientMessage;
import dev.scoreline.wire.ServerMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every message record survives record → JSON → record through {@link Json#MAPPER} unchanged, read
 * back both as its own class and, for the sealed families, as the interface; and what the mapper
 * writes is valid under the record's schema.
 */
class RecordRoundTripTest {

    private static final Instant T = Instant.parse("2017-04-05T14:31:07.250Z");
    private static final String EPOCH = "5f0c2a9e-7b1d-4c3e-9a51-2d8f6b0e4c17";
    private static final Actions.Action BET = new Actions.Action("p7", "a-17");
    private static final Verdict ACCEPTED =
            Verdict.accepted(BET, "table:demo-1", Actions.eventId("p7", "a-17"), 57, T);
    private static final Verdict REFUSED = Verdict.refused(new Actions.Action("ana@example", "a-18"), "table:demo-1",
            Actions.eventId("ana@example", "a-18"), "not your turn", T);

    static Stream<Arguments> records() {
        ObjectNode patch = (ObjectNode) Json.tree("""
                {"status": "live", "result": null, "innings": {"0": {"runs": 7, "target": null}}}""");
        ObjectNode state = (ObjectNode) Json.tree("""
                {"matchId": "1082591", "teams": ["A", "B"], "innings": {"0": {"runs": 7}}}""");
        return Stream.of(
                match(new MatchStart("e1", "1082591", T, List.of("Sunrisers Hyderabad", "Royal Challengers Bangalore"),
                        Map.of("Sunrisers Hyderabad", List.of("DA Warner", "S Dhawan"),
                                "Royal Challengers Bangalore", List.of("CH Gayle", "TS Mills")),
                        20, 6, "Uppal", new MatchStart.Toss("Royal Challengers Bangalore", "field"))),
                match(new MatchStart("e1", "test-77", T, List.of("Australia", "Pakistan"),
                        Map.of("Australia", List.of("PJ Cummins"), "Pakistan", List.of("Shan Masood")),
                        null, 6, null, null)),
                match(new InningsStart("e2", "1082591", T, "Gujarat Lions", true, new InningsStart.Target(12, 1))),
                match(new InningsStart("e2", "1082591", T, "Sunrisers Hyderabad", false, null)),
                match(new Delivery("e3", "1082591", T, 7, "MC Henriques", "YS Chahal", "S Dhawan",
                        new Delivery.Runs(4, 10, 14, true), new Delivery.Extras(0, 1, 2, 2, 5),
                        List.of(new Delivery.Wicket("run out", "S Dhawan", List.of("KM Jadhav", "TM Head"))))),
                match(new Delivery("e4", "1082591", T, 0, "DA Warner", "TS Mills", "S Dhawan",
                        new Delivery.Runs(0, 0, 0, false), null, null)),
                match(new DeliveryUndo("e5", "1082591", T)),
                match(new InningsEnd("e6", "test-77", T, "declared")),
                match(new InningsEnd("e6", "1082591", T, null)),
                match(new MatchEnd("e7", "1178424", T, MatchEnd.NO_RESULT, null)),
                match(new MatchEnd("e7", "1082591", T, null, "D/L")),
                match(new MatchEnd("e7", "913653", T, null, "D/L", "England", new MatchEnd.Margin(44, null, null))),
                match(new MatchEnd("e7", "1391773", T, null, null, "Queensland", new MatchEnd.Margin(104, null, 1))),
                match(new MatchEnd("e7", "1277093", T, MatchEnd.TIE, null, "West Indies", null)),
                match(new InningsTarget("e8", "913653", T, new InningsStart.Target(151, 34, 3))),
                match(new PenaltyRuns("e9", "1207776", T, 5)),
                Arguments.of("delta", Delta.class, null, new Delta("match:1082591", EPOCH, 43, 47, patch)),
                Arguments.of("snapshot", Snapshot.class, null, new Snapshot("match:1082591", EPOCH, 253, state)),
                Arguments.of("changelog-entry", ChangeLogEntry.class, null, new ChangeLogEntry(
                        "match", "1082591", EPOCH, 8, "e3", "delivery", T, Json.tree(new DeliveryUndo("e5", "1082591", T)),
                        List.of(new FieldChange("/innings/0/runs", Json.tree("3"), Json.tree("7")),
                                new FieldChange("/innings/0/batters/1/out", null, Json.tree("\"b TS Mills\"")),
                                new FieldChange("/turn", Json.tree("\"p7\""), null)),
                        null)),
                Arguments.of("changelog-entry", ChangeLogEntry.class, null, new ChangeLogEntry(
                        "table", "demo-1", "1717412345678", 57, "h4-show", "show", T, Json.tree("{\"type\": \"show\"}"),
                        List.of(), Json.tree("{\"hands\": {\"p7\": [\"AS\", \"KS\", \"QS\"]}}"))),
                Arguments.of("dead-letter", DeadLetter.class, null, new DeadLetter("match-events", 3, 1_048_576L, "1082591",
                        "{\"type\":", true, DeadLetter.MALFORMED_JSON, "not JSON", List.of("line 1: end of input"), T)),
                Arguments.of("dead-letter", DeadLetter.class, null, new DeadLetter("table-events", 0, 0, null, null, false,
                        DeadLetter.MALFORMED_JSON, "the record has no value", null, T)),
                Arguments.of("client-message", ClientMessage.Subscribe.class, ClientMessage.class,
                        new ClientMessage.Subscribe("match:1082591", new ClientMessage.Position(EPOCH, 42))),
                Arguments.of("client-message", ClientMessage.Subscribe.class, ClientMessage.class,
                        new ClientMessage.Subscribe("table:demo-1/seat:p7", null)),
                Arguments.of("client-message", ClientMessage.Unsubscribe.class, ClientMessage.class,
                        new ClientMessage.Unsubscribe("table:demo-1")),
                Arguments.of("client-message", ClientMessage.Ping.class, ClientMessage.class, new ClientMessage.Ping()),
                Arguments.of("client-message", ClientMessage.Act.class, ClientMessage.class,
                        new ClientMessage.Act("a-17", "table:demo-1", (ObjectNode) Json.tree("{\"type\": \"bet\", \"amount\": 20}"),
                                null)),
                Arguments.of("client-message", ClientMessage.Act.class, ClientMessage.class,
                        new ClientMessage.Act("01HZX3Q9K2M4.sit", "table:demo-1",
                                (ObjectNode) Json.tree("{\"type\": \"player.sit\", \"seat\": 3, \"chips\": 500}"),
                                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwNyJ9.c2ln")),
                Arguments.of("server-message", ServerMessage.SnapshotFrame.class, ServerMessage.class,
                        new ServerMessage.SnapshotFrame("match:1082591", EPOCH, 253, state)),
                Arguments.of("server-message", ServerMessage.DeltaFrame.class, ServerMessage.class,
                        new ServerMessage.DeltaFrame("match:1082591", EPOCH, 43, 47, patch)),
                Arguments.of("server-message", ServerMessage.ErrorFrame.class, ServerMessage.class,
                        new ServerMessage.ErrorFrame("forbidden", "your token does not name table demo-2", "table:demo-2")),
                Arguments.of("server-message", ServerMessage.ErrorFrame.class, ServerMessage.class,
                        new ServerMessage.ErrorFrame("too-many-subscriptions", "at most 64", null)),
                Arguments.of("server-message", ServerMessage.Pong.class, ServerMessage.class, new ServerMessage.Pong()),
                Arguments.of("server-message", ServerMessage.VerdictFrame.class, ServerMessage.class,
                        ServerMessage.VerdictFrame.of(ACCEPTED)),
                Arguments.of("server-message", ServerMessage.VerdictFrame.class, ServerMessage.class,
                        ServerMessage.VerdictFrame.of(REFUSED)),
                Arguments.of("verdict", Verdict.class, null, ACCEPTED),
                Arguments.of("verdict", Verdict.class, null, REFUSED));
    }

    private static Arguments match(MatchEvent event) {
        return Arguments.of("match-event", event.getClass(), MatchEvent.class, event);
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("records")
    void roundTripsUnchangedAndWritesValidJson(String schema, Class<?> type, Class<?> family, Object record) {
        byte[] json = Json.bytes(record);

        assertThat(Json.read(json, type)).isEqualTo(record);
        if (family != null) {
            assertThat(Json.read(json, family)).isEqualTo(record);
        }
        assertThat(MessageSchema.named(schema).validate(Json.tree(json))).isEmpty();
    }

    @Test
    void aDeltaKeepsTheNullsOfItsPatchBecauseTheyMeanDelete() {
        ObjectNode patch = (ObjectNode) Json.tree("""
                {"cards": null, "chips": 940, "hand": {"seen": null, "pot": 60}}""");
        Delta delta = new Delta("table:demo-1/seat:p7", "1717412345678", 120, 121, patch);

        JsonNode written = Json.tree(Json.string(delta));

        assertThat(written.path("patch").has("cards")).isTrue();
        assertThat(written.path("patch").get("cards").isNull()).isTrue();
        assertThat(written.path("patch").path("hand").get("seen").isNull()).isTrue();
        assertThat(Json.read(Json.bytes(delta), Delta.class).patch()).isEqualTo(patch);

        JsonNode frame = Json.tree(Json.string(ServerMessage.DeltaFrame.of(delta)));
        assertThat(frame.path("patch").get("cards").isNull()).isTrue();
        assertThat(frame.path("patch").path("hand").get("seen").isNull()).isTrue();
    }

    @Test
    void absentOptionalMembersAreLeftOutNotWrittenAsNull() {
        JsonNode end = Json.tree(Json.string(new MatchEnd("e7", "1082591", T, null, null)));
        assertThat(end.has("outcome")).isFalse();
        assertThat(end.has("method")).isFalse();
        assertThat(end.get("type").asText()).isEqualTo(MatchEnd.TYPE);
    }
}
