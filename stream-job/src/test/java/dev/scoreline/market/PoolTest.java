package dev.scoreline.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PoolTest {

    private static final Instant CLOSE = Instant.parse("2026-12-03T18:00:00Z");
    private static final BettingTerms FIVE_PERCENT = new BettingTerms(5, Duration.ofSeconds(2), 1_000_000);

    private static MarketBet bet(String id, String outcome, long stake) {
        return new MarketBet(id, "p-" + id, outcome, stake, CLOSE.minusSeconds(30));
    }

    @Test
    void theWinnersShareThePoolLessTheCutInProportionToTheirStakesAndTheRemaindersGoToTheHouse() {
        Pool.Division d = Pool.divide(List.of(bet("a", "4", 100), bet("b", "4", 300), bet("c", "dot", 600)), "4", null,
                CLOSE.toEpochMilli(), FIVE_PERCENT);

        // pool 1000, cut 50, 950 shared 1:3 -> 237.5 and 712.5, rounded down
        assertThat(d.shares()).extracting(Pool.Share::payout).containsExactly(237L, 712L, 0L);
        assertThat(d.shares()).extracting(Pool.Share::result).containsExactly(Pool.WON, Pool.WON, Pool.LOST);
        assertThat(d.house()).isEqualTo(51);
    }

    @Test
    void nobodyOnTheWinningOutcomeReturnsEveryStake() {
        Pool.Division d = Pool.divide(List.of(bet("a", "4", 100), bet("b", "dot", 300)), "wicket", null,
                CLOSE.toEpochMilli(), FIVE_PERCENT);

        assertThat(d.shares()).extracting(Pool.Share::payout).containsExactly(100L, 300L);
        assertThat(d.shares()).extracting(Pool.Share::result).containsOnly(Pool.RETURNED);
        assertThat(d.shares().get(0).why()).isEqualTo("nobody backed wicket");
        assertThat(d.house()).isZero();
    }

    @Test
    void aVoidMarketReturnsEveryStakeWithItsReason() {
        Pool.Division d = Pool.divide(List.of(bet("a", "Home", 100), bet("b", "Away", 70)), null, "no result",
                CLOSE.toEpochMilli(), FIVE_PERCENT);

        assertThat(d.shares()).extracting(Pool.Share::payout).containsExactly(100L, 70L);
        assertThat(d.shares()).extracting(Pool.Share::why).containsOnly("no result");
        assertThat(d.house()).isZero();
    }

    @Test
    void aBetPlacedWithinTheDelayBeforeTheCloseIsReturnedAndKeptOutOfThePool() {
        MarketBet late = new MarketBet("late", "p-late", "4", 1000, CLOSE.minusMillis(1500));
        MarketBet onTime = new MarketBet("early", "p-early", "4", 100, CLOSE.minusMillis(2500));
        MarketBet loser = bet("c", "dot", 100);

        Pool.Division d = Pool.divide(List.of(late, onTime, loser), "4", null, CLOSE.toEpochMilli(), FIVE_PERCENT);

        assertThat(d.shares().get(0).result()).isEqualTo(Pool.RETURNED);
        assertThat(d.shares().get(0).payout()).isEqualTo(1000);
        assertThat(d.shares().get(0).why()).contains("bet delay");
        // the pool is 200 without the late bet: 190 to the one winner
        assertThat(d.shares().get(1).payout()).isEqualTo(190);
        assertThat(d.house()).isEqualTo(10);
    }

    @Test
    void aWinnerAloneInThePoolStillPaysTheCut() {
        Pool.Division d = Pool.divide(List.of(bet("a", "6", 99)), "6", null, CLOSE.toEpochMilli(), FIVE_PERCENT);

        assertThat(d.shares().get(0).payout()).isEqualTo(95);
        assertThat(d.house()).isEqualTo(4);
    }

    @Property(tries = 300)
    void chipsAreOnlyMovedNeverMade(@ForAll @Size(min = 1, max = 30) List<@LongRange(min = 1, max = 1_000_000_000_000L) Long> stakes,
            @ForAll @IntRange(min = 0, max = 3) int winning, @ForAll @IntRange(min = 0, max = 50) int cut) {
        List<MarketBet> bets = new ArrayList<>();
        String[] outcomes = {"dot", "4", "6", "wicket"};
        for (int i = 0; i < stakes.size(); i++) {
            bets.add(bet("b" + i, outcomes[i % outcomes.length], stakes.get(i)));
        }
        Pool.Division d = Pool.divide(bets, outcomes[winning], null, CLOSE.toEpochMilli(),
                new BettingTerms(cut, Duration.ZERO, Long.MAX_VALUE));

        long paid = d.shares().stream().mapToLong(Pool.Share::payout).sum();
        long staked = stakes.stream().mapToLong(Long::longValue).sum();
        assertThat(paid + d.house()).isEqualTo(staked);
        assertThat(d.house()).isBetween(0L, staked * cut / 100 + stakes.size());
        for (Pool.Share share : d.shares()) {
            assertThat(share.payout()).isNotNegative();
        }
    }
}
