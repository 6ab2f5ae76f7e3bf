package dev.scoreline.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetListTest {

    private static MarketBet bet(int n) {
        return new MarketBet("b" + n, "p" + n, "dot", n, Instant.EPOCH);
    }

    @Test
    void anOlderListStaysAsItWasWhenANewerOneGrowsOrABranchAppends() {
        BetList one = BetList.empty().plus(bet(1));
        BetList two = one.plus(bet(2));
        BetList branch = one.plus(bet(3));
        BetList three = two.plus(bet(4));

        assertThat(one).containsExactly(bet(1));
        assertThat(two).containsExactly(bet(1), bet(2));
        assertThat(branch).containsExactly(bet(1), bet(3));
        assertThat(three).containsExactly(bet(1), bet(2), bet(4));
        assertThat(BetList.empty()).isEmpty();
    }

    @Test
    void itIsKeptAsAPlainArray() {
        BetList bets = BetList.empty().plus(bet(1)).plus(bet(2));
        record Holder(BetList bets) {}

        String json = Json.string(new Holder(bets));
        Holder back = Json.read(json, Holder.class);

        assertThat(Json.tree(json).get("bets").isArray()).isTrue();
        assertThat(back.bets()).isEqualTo(List.of(bet(1), bet(2)));
        assertThat(back.bets().plus(bet(3))).hasSize(3);
    }
}
