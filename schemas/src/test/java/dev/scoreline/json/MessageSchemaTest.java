package dev.scoreline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.MessageSchema.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MessageSchemaTest {

    private static final MessageSchema MATCH_EVENT = MessageSchema.named("match-event");

    private static ObjectNode dotBall() {
        return (ObjectNode) Json.tree("""
                {"type": "delivery", "eventId": "1082591-0.1", "matchId": "1082591",
                 "eventTime": "2017-04-05T14:31:07Z", "over": 0,
                 "batter": "DA Warner", "bowler": "TS Mills", "nonStriker": "S Dhawan",
                 "runs": {"batter": 0, "extras": 0, "total": 0}}
                """);
    }

    @Test
    void aSchemaIsLoadedOnceAndKnowsItsName() {
        assertThat(MessageSchema.named("match-event")).isSameAs(MATCH_EVENT);
        assertThat(MATCH_EVENT.name()).isEqualTo("match-event");
        assertThat(MessageSchema.named("delta").kinds()).isEmpty();
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> MessageSchema.named("no-such-message"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classpath:/schemas/no-such-message.schema.json");
        assertThatThrownBy(() -> MessageSchema.named("../schemas/delta"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSchema.named(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidMessageHasNoViolation() {
        assertThat(MATCH_EVENT.validate(dotBall())).isEmpty();
    }

    @Test
    void aKnownKindReportsEachOfItsViolationsOnceInPathOrder() {
        ObjectNode ball = dotBall();
        ball.remove("bowler");
        ball.put("over", -1);
        ((ObjectNode) ball.get("runs")).put("batter", 9);

        List<Violation> violations = MATCH_EVENT.validate(ball);

        assertThat(violations).extracting(Violation::path).containsExactly("$.bowler", "$.over", "$.runs.batter");
        assertThat(violations.get(0).message()).contains("required");
        assertThat(violations.get(1).message()).contains("minimum").contains("0");
        assertThat(violations.get(2).message()).contains("maximum").contains("7");
    }

    @Test
    void anUnknownTypeIsOneViolationNamingTheKinds() {
        ObjectNode ball = dotBall();
        ball.put("type", "ball");
        ball.put("over", -1);

        assertThat(MATCH_EVENT.validate(ball)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.type");
            assertThat(v.message()).contains("\"ball\"").contains("delivery").contains("match.start");
        });
    }

    @Test
    void aMissingTypeIsOneViolation() {
        ObjectNode ball = dotBall();
        ball.remove("type");

        assertThat(MATCH_EVENT.validate(ball)).extracting(Violation::path).containsExactly("$.type");
    }

    @Test
    void somethingOtherThanAnObjectIsOneViolationAtTheRoot() {
        assertThat(MATCH_EVENT.validate(Json.tree("[1, 2]"))).singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("$"));
        assertThat(MATCH_EVENT.validate(NullNode.getInstance())).extracting(Violation::path).containsExactly("$");
        assertThat(MATCH_EVENT.validate(null)).extracting(Violation::path).containsExactly("$");
        assertThat(MessageSchema.named("delta").validate(Json.tree("\"delta\""))).extracting(Violation::path)
                .containsExactly("$");
    }

    @Test
    void dateTimesAreAssertedNotJustAnnotated() {
        ObjectNode ball = dotBall();
        ball.put("eventTime", "yesterday");
        assertThat(MATCH_EVENT.validate(ball)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.eventTime");
            assertThat(v.message()).contains("yesterday").contains("date-time");
        });

        ball.put("eventTime", "2017-04-05T20:01:07+05:30");
        assertThat(MATCH_EVENT.validate(ball)).isEmpty();
    }

    @Test
    void aPatternMatchesTheWholeValueAsInEcmaScript() {
        ObjectNode ball = dotBall();
        ball.put("matchId", "1082591\n");
        assertThat(MATCH_EVENT.validate(ball)).extracting(Violation::path).containsExactly("$.matchId");

        assertThat(EcmaEndAnchors.toJava("^[a$]+\\$$")).isEqualTo("^[a$]+\\$\\z");
    }

    @Test
    void aMissingOrUnknownMemberIsReportedAtThatMember() {
        ObjectNode ball = dotBall();
        ((ObjectNode) ball.get("runs")).remove("extras");
        ball.put("nonstriker", "S Dhawan");

        assertThat(MATCH_EVENT.validate(ball)).extracting(Violation::path)
                .containsExactly("$.nonstriker", "$.runs.extras");
    }

    @Test
    void aNameThatIsNoIdentifierIsQuotedInThePath() {
        ObjectNode start = (ObjectNode) Json.tree("""
                {"type": "match.start", "eventId": "e1", "matchId": "m1", "eventTime": "2017-04-05T14:30:00Z",
                 "teams": ["Sunrisers Hyderabad", "Royal Challengers Bangalore"],
                 "players": {"Sunrisers Hyderabad": ["DA Warner", ""], "Royal Challengers Bangalore": ["CH Gayle"]},
                 "ballsPerOver": 6}
                """);

        assertThat(MATCH_EVENT.validate(start)).extracting(Violation::path)
                .containsExactly("$.players['Sunrisers Hyderabad'][1]");
    }

    @Test
    void anActTakesExactlyThePlayersKindsAndTheActionIdsActionsTakes() {
        MessageSchema client = MessageSchema.named("client-message");
        Set<String> kinds = new TreeSet<>();
        for (String kind : MessageSchema.named("table-event").kinds()) {
            ObjectNode act = (ObjectNode) Json.tree("""
                    {"type": "act", "id": "a-17", "channel": "table:demo-1", "action": {}}""");
            ((ObjectNode) act.get("action")).put("type", kind);
            boolean refusedAsAKind = client.validate(act).stream().anyMatch(v -> v.path().equals("$.action.type"));
            if (!refusedAsAKind) {
                kinds.add(kind);
            }
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(Actions.playerKinds(Channel.Kind.TABLE));

        for (String id : List.of("a-17", "A.b_c~d-9", "x".repeat(64), "", "x".repeat(65), "a:1", "a 1", "a/1", "a@1", "é")) {
            ObjectNode act = (ObjectNode) Json.tree("""
                    {"type": "act", "channel": "table:demo-1", "action": {"type": "pack"}}""");
            act.put("id", id);
            assertThat(client.validate(act).isEmpty()).as(id).isEqualTo(Actions.isActionId(id));
        }
    }

    @Test
    void validationGivesTheSameAnswersFromManyThreads() throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ObjectNode ball = dotBall();
            ball.put("over", i % 4 == 0 ? -i : i);
            if (i % 5 == 0) {
                ball.put("type", "delivery.unknown");
            }
            messages.add(ball);
        }
        List<List<Violation>> expected = messages.stream().map(MATCH_EVENT::validate).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Violation>>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<List<Violation>> last = null;
                    for (int round = 0; round < 200; round++) {
                        last = messages.stream().map(MATCH_EVENT::validate).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<List<Violation>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.stream().filter(List::isEmpty)).hasSize(12);
    }
}
