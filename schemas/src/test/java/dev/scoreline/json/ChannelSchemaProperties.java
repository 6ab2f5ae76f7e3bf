package dev.scoreline.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Channel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** The channel pattern of common.schema.json accepts exactly the names {@link Channel#parse} accepts. */
class ChannelSchemaProperties {

    private static final MessageSchema CLIENT = MessageSchema.named("client-message");

    @Property(tries = 500)
    void theSchemaAndTheParserAgree(@ForAll("names") String name) {
        boolean parses = parses(name);
        assertThat(schemaAccepts(name)).as(name).isEqualTo(parses);
        Statistics.collect(parses ? "a channel" : "not a channel");
        Statistics.coverage(coverage -> {
            coverage.check("a channel").percentage(p -> p > 5);
            coverage.check("not a channel").percentage(p -> p > 5);
        });
    }

    @Example
    void theBoundsOfAnIdAgree() {
        String longest = "x".repeat(128);
        assertThat(schemaAccepts("match:" + longest)).isTrue();
        assertThat(schemaAccepts("table:t/seat:" + longest)).isTrue();
        assertThat(schemaAccepts("match:" + longest + "x")).isFalse();
        assertThat(schemaAccepts("match:1/seat:p1")).isFalse();
        assertThat(schemaAccepts("match:1\n")).isFalse();
    }

    @Example
    void aMatchAloneHasMarkets() {
        Channel markets = Channel.parse("match:m1/markets");
        assertThat(markets).isEqualTo(Channel.markets("m1"));
        assertThat(markets.name()).isEqualTo("match:m1/markets");
        assertThat(markets.isPrivate()).isFalse();
        assertThat(markets).isNotEqualTo(Channel.match("m1"));
        assertThat(schemaAccepts("match:m1/markets")).isTrue();
        for (String near : new String[] {"table:t1/markets", "player:p1/markets", "match:m1/markets/seat:p1",
                "match:m1/market"}) {
            assertThat(schemaAccepts(near)).as(near).isFalse();
            assertThat(parses(near)).as(near).isFalse();
        }
    }

    @Example
    void theTickerIsOneChannelWithoutAnId() {
        assertThat(Channel.parse("scores")).isEqualTo(Channel.scores());
        assertThat(Channel.scores().name()).isEqualTo("scores");
        assertThat(Channel.scores().isPrivate()).isFalse();
        assertThat(schemaAccepts("scores")).isTrue();
        for (String near : new String[] {"scores:", "scores:1", "score", "scores/seat:p1", "Scores"}) {
            assertThat(schemaAccepts(near)).as(near).isFalse();
            assertThat(parses(near)).as(near).isFalse();
        }
    }

    private static boolean parses(String name) {
        try {
            return Channel.parse(name).name().equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean schemaAccepts(String name) {
        return CLIENT.validate(Json.object().put("type", "unsubscribe").put("channel", name)).isEmpty();
    }

    /** Names shaped like channels, each part now and then broken. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> kind = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("match:", "table:")),
                Tuple.of(1, Arbitraries.of("game:", "match", "Match:", "", ":", "table:/", "scores", "scores:")));
        Arbitrary<String> id = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withChars("Aa09._~@+-").ofMinLength(1).ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().withChars("Aa0 :/é\n").ofMinLength(0).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.strings().withChars("a").ofMinLength(127).ofMaxLength(130)));
        Arbitrary<String> seat = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(3, id.map(player -> "/seat:" + player)),
                Tuple.of(1, Arbitraries.of("/markets", "/seat:", "/", "/seat", "/player:p1", "/market", "/markets:")));
        return Combinators.combine(kind, id, seat).as((k, i, s) -> k + i + s);
    }
}
