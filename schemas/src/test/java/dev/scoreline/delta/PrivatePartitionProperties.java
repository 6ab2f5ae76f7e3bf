package dev.scoreline.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The owner the job and the gateways read off a channel's name without parsing it is the parsed
 * channel's player, and every player's channels land in one partition within the topic's.
 */
class PrivatePartitionProperties {

    @Property(tries = 500)
    void theOwnerIsTheParsedChannelsPlayer(@ForAll("names") String name) {
        assertThat(Channel.ownerOf(name)).as(name).isEqualTo(Channel.parse(name).playerId());
    }

    @Property(tries = 500)
    void aPlayersChannelsShareAPartitionWithinTheTopics(@ForAll("ids") String table, @ForAll("ids") String player,
            @ForAll @IntRange(min = 1, max = 4096) int partitions) {
        int wallet = Channel.privatePartition(Channel.ownerOf(Channel.player(player).name()), partitions);
        int seat = Channel.privatePartition(Channel.ownerOf(Channel.seat(table, player).name()), partitions);
        assertThat(seat).isEqualTo(wallet).isBetween(0, partitions - 1);
    }

    @Example
    void aTopicWithoutPartitionsIsRefusedByName() {
        assertThatThrownBy(() -> Channel.privatePartition("p1", 0)).hasMessageContaining("at least one partition");
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("Az09._~@+-").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> id = ids();
        return Arbitraries.oneOf(
                id.map(i -> Channel.match(i).name()),
                id.map(i -> Channel.markets(i).name()),
                id.map(i -> Channel.table(i).name()),
                id.map(i -> Channel.player(i).name()),
                Arbitraries.just(Channel.scores().name()),
                Arbitraries.strings().withChars("Az09._~@+-").ofMinLength(1).ofMaxLength(20).tuple2()
                        .map(t -> Channel.seat(t.get1(), t.get2()).name()));
    }
}
