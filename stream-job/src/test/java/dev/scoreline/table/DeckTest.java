package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeckTest {

    @Test
    void theSameSeedDealsTheSameCards() {
        for (long seed : new long[] {0, 1, 42, 9_007_199_254_740_991L, -5}) {
            assertThat(Deck.deal(seed, 6)).isEqualTo(Deck.deal(seed, 6));
        }
    }

    @Test
    void aShuffleIsFisherYatesOverSplittableRandom() {
        long seed = 20_240_601L;
        List<Card> expected = new ArrayList<>(Card.deck());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 51; i > 0; i--) {
            Collections.swap(expected, i, random.nextInt(i + 1));
        }
        assertThat(Deck.shuffled(seed)).isEqualTo(expected);
        assertThat(Deck.deal(seed, 2)).containsExactly(expected.subList(0, 3), expected.subList(3, 6));
    }

    @Test
    void aDealIsThreeDistinctCardsEachFromOneDeck() {
        List<List<Card>> hands = Deck.deal(7, 6);
        assertThat(hands).hasSize(6).allSatisfy(h -> assertThat(h).hasSize(3));
        assertThat(hands.stream().flatMap(List::stream)).doesNotHaveDuplicates().hasSize(18);
        assertThat(Deck.shuffled(7)).containsExactlyInAnyOrderElementsOf(Card.deck());
    }

    @Test
    void differentSeedsDealDifferently() {
        Set<List<List<Card>>> deals = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            deals.add(Deck.deal(seed, 2));
        }
        assertThat(deals).hasSize(200);
    }

    @Test
    void aDeckHoldsSeventeenHands() {
        assertThatThrownBy(() -> Deck.deal(1, 18)).hasMessageContaining("18 players");
    }
}
