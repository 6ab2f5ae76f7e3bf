package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What holds anywhere, without the oracle file: the size of each class among all 22,100 hands,
 * worked out by counting, and the order at the edges of each class.
 */
class HandEvaluatorTest {

    private static final List<String> RUNS_STRONGEST_FIRST = List.of(
            "A K Q", "A 2 3", "K Q J", "Q J T", "J T 9", "T 9 8", "9 8 7", "8 7 6", "7 6 5", "6 5 4", "5 4 3", "4 3 2");

    private static HandRank rank(String cards) {
        return HandEvaluator.rank(Arrays.stream(cards.split(" ")).map(Card::parse).toList());
    }

    private static long choose(long n, long k) {
        long c = 1;
        for (long i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }

    @Test
    void classSizesMatchCounting() {
        Map<HandCategory, Integer> sizes = new EnumMap<>(HandCategory.class);
        List<Card> deck = Card.deck();
        int hands = 0;
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    sizes.merge(HandEvaluator.rank(deck.get(a), deck.get(b), deck.get(c)).category(), 1, Integer::sum);
                    hands++;
                }
            }
        }
        long runs = 12; // A-K-Q, A-2-3 and the ten runs from K-Q-J down to 4-3-2
        long trails = 13 * choose(4, 3);
        long pureSequences = runs * 4;
        long sequences = runs * 4 * 4 * 4 - pureSequences;
        long colours = 4 * choose(13, 3) - pureSequences;
        long pairs = 13 * choose(4, 2) * 48;
        long highCards = choose(52, 3) - trails - pureSequences - sequences - colours - pairs;

        assertThat(hands).isEqualTo(22_100).isEqualTo((int) choose(52, 3));
        assertThat(sizes).containsEntry(HandCategory.TRAIL, (int) trails)
                .containsEntry(HandCategory.PURE_SEQUENCE, (int) pureSequences)
                .containsEntry(HandCategory.SEQUENCE, (int) sequences)
                .containsEntry(HandCategory.COLOUR, (int) colours)
                .containsEntry(HandCategory.PAIR, (int) pairs)
                .containsEntry(HandCategory.HIGH_CARD, (int) highCards);
        assertThat(List.of(trails, pureSequences, sequences, colours, pairs, highCards))
                .containsExactly(52L, 48L, 720L, 1_096L, 3_744L, 16_440L);
    }

    @Test
    void categoriesRankTrailOverPureSequenceOverSequenceOverColourOverPairOverHighCard() {
        List<HandRank> weakestOfEach = List.of(
                rank("2C 2D 2H"), rank("4S 3S 2S"), rank("4S 3D 2C"),
                rank("5H 3H 2H"), rank("2C 2D 3H"), rank("5C 3D 2H"));
        List<HandRank> strongestOfEach = List.of(
                rank("AC AD AH"), rank("AS KS QS"), rank("AS KD QC"),
                rank("AH KH JH"), rank("AC AD KH"), rank("AC KD JH"));
        for (int i = 0; i + 1 < weakestOfEach.size(); i++) {
            assertThat(weakestOfEach.get(i).beats(strongestOfEach.get(i + 1)))
                    .as("the weakest %s beats the strongest %s",
                            weakestOfEach.get(i).category(), strongestOfEach.get(i + 1).category())
                    .isTrue();
        }
    }

    @Test
    void sequencesRunAceKingQueenThenAceTwoThreeThenKingQueenJackDownToFourThreeTwo() {
        for (String suits : List.of("SSS", "SDC")) {
            List<HandRank> order = new ArrayList<>();
            for (String run : RUNS_STRONGEST_FIRST) {
                String[] r = run.split(" ");
                order.add(rank(r[0] + suits.charAt(0) + " " + r[1] + suits.charAt(1) + " " + r[2] + suits.charAt(2)));
            }
            HandCategory kind = suits.equals("SSS") ? HandCategory.PURE_SEQUENCE : HandCategory.SEQUENCE;
            assertThat(order).allMatch(h -> h.category() == kind);
            for (int i = 0; i + 1 < order.size(); i++) {
                assertThat(order.get(i).beats(order.get(i + 1))).as("run %d beats run %d", i, i + 1).isTrue();
            }
        }
    }

    @Test
    void aceIsHighOrLowInARunButARunDoesNotWrap() {
        assertThat(rank("KS AD 2C").category()).isEqualTo(HandCategory.HIGH_CARD);
        assertThat(rank("QS KD AC").category()).isEqualTo(HandCategory.SEQUENCE);
        assertThat(rank("3S AD 2C").category()).isEqualTo(HandCategory.SEQUENCE);
        assertThat(rank("AS 2S 4S").category()).isEqualTo(HandCategory.COLOUR);
    }

    @Test
    void trailsRunFromThreeAcesDownToThreeTwos() {
        assertThat(rank("AC AD AS").beats(rank("KC KD KS"))).isTrue();
        assertThat(rank("3C 3D 3S").beats(rank("2C 2D 2S"))).isTrue();
        assertThat(rank("2C 2D 2S").beats(rank("AS KS QS"))).isTrue();
    }

    @Test
    void pairsCompareTheirRankThenTheOddCard() {
        assertThat(rank("KC KD 5H").beats(rank("KS KH 4C"))).isTrue();
        assertThat(rank("KC KD 2H").beats(rank("QS QH AC"))).isTrue();
        assertThat(rank("2C 2D 3H").beats(rank("AC KD JH"))).isTrue();
        assertThat(rank("KC KD 5H")).isEqualByComparingTo(rank("KS KH 5C"));
    }

    @Test
    void coloursAndHighCardsCompareFromTheHighestRankDown() {
        assertThat(rank("AH KH JH").beats(rank("AD KD TD"))).isTrue();
        assertThat(rank("AH 5H 3H").beats(rank("KD QD TD"))).isTrue();
        assertThat(rank("AC KD JH").beats(rank("AC QD JH"))).isTrue();
        assertThat(rank("AC 3D 2H").beats(rank("KC QD TH"))).isTrue();
        assertThat(rank("6C 4D 2H").beats(rank("5C 3D 2H"))).isTrue();
    }

    @Test
    void suitsNeverBreakATie() {
        assertThat(rank("AS KD 9C")).isEqualByComparingTo(rank("AC KH 9D"));
        assertThat(rank("AS KS QS")).isEqualByComparingTo(rank("AH KH QH"));
        assertThat(rank("7S 7D 7C")).isEqualByComparingTo(rank("7H 7D 7S"));
    }

    @Test
    void aHandHasThreeCards() {
        assertThatThrownBy(() -> HandEvaluator.rank(List.of(Card.parse("AS"), Card.parse("KS"))))
                .hasMessageContaining("three cards");
    }

    @Test
    void cardsAreWrittenAsRankAndSuit() {
        assertThat(Card.deck()).hasSize(52).doesNotHaveDuplicates();
        assertThat(Card.deck()).allSatisfy(c -> assertThat(Card.parse(c.code())).isEqualTo(c));
        assertThat(Card.parse("TH")).isEqualTo(new Card(10, Card.Suit.HEARTS));
        assertThat(Json.string(List.of(Card.parse("AS"), Card.parse("2C")))).isEqualTo("[\"AS\",\"2C\"]");
        assertThat(Json.read("\"QD\"", Card.class)).isEqualTo(new Card(12, Card.Suit.DIAMONDS));
        assertThatThrownBy(() -> Card.parse("1S")).hasMessageContaining("not a card");
        assertThatThrownBy(() -> Card.parse("AX")).hasMessageContaining("no suit");
    }
}
