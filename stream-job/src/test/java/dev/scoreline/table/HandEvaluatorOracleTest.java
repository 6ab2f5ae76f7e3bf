package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the evaluator against an independent ranking of all 22,100 three-card hands
 * (github:esrrhs/teenpatti_algorithm, see {@code shared/data/PROVENANCE.md}). That file has no
 * licence, so the project does not ship it: the test looks for it outside the project, in
 * {@code shared/data/teenpatti/} next to one of the working directory's ancestors or under the
 * directory named by the {@code scoreline.shared.dir} system property, and is skipped, saying so,
 * when it is not there.
 *
 * <p>Columns: key, strength class (0 to 740, higher is stronger, equal ties), how many hands are
 * strictly weaker, 22100, the cards (suits in Chinese: 方 diamonds, 梅 clubs, 红 hearts, 黑 spades),
 * the type (1 high card, 2 pair, 3 colour, 4 sequence, 5 pure sequence, 6 trail).
 */
class HandEvaluatorOracleTest {

    private static final String ORACLE = "data/teenpatti/teenpatti_data_52card.txt";
    private static final Pattern CARD = Pattern.compile("([方梅红黑])(10|[2-9JQKA])");

    private record Line(Set<Card> cards, int strengthClass, int weaker, int type) {}

    private static List<Line> lines;

    /** Each test is reported as skipped, with the reason, when the file is absent. */
    @BeforeEach
    void readOracle() throws IOException {
        if (lines != null) {
            return;
        }
        Path file = locate();
        assumeTrue(file != null, "skipped: the Teen Patti oracle " + ORACLE + " is not in a shared/ directory next "
                + "to any ancestor of " + Path.of("").toAbsolutePath()
                + " (set -Dscoreline.shared.dir to the directory that holds data/teenpatti to run it)");
        List<Line> read = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            String[] f = text.trim().split("\\s+");
            assertThat(f).as("oracle line '%s'", text).hasSize(6);
            assertThat(f[3]).isEqualTo("22100");
            int strengthClass = Integer.parseInt(f[1]);
            int weaker = Integer.parseInt(f[2]);
            read.add(new Line(parseCards(f[4]), strengthClass, weaker, Integer.parseInt(f[5])));
        }
        lines = read;
    }

    private static Path locate() {
        String property = System.getProperty("scoreline.shared.dir");
        if (property != null && !property.isBlank()) {
            Path file = Path.of(property).resolve(ORACLE);
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared").resolve(ORACLE);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static Set<Card> parseCards(String text) {
        Matcher m = CARD.matcher(text);
        Set<Card> cards = new HashSet<>();
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("cards '%s'", text).isEqualTo(end);
            end = m.end();
            Card.Suit suit = switch (m.group(1)) {
                case "方" -> Card.Suit.DIAMONDS;
                case "梅" -> Card.Suit.CLUBS;
                case "红" -> Card.Suit.HEARTS;
                default -> Card.Suit.SPADES;
            };
            String r = m.group(2);
            int rank = switch (r) {
                case "J" -> 11;
                case "Q" -> 12;
                case "K" -> 13;
                case "A" -> 14;
                default -> Integer.parseInt(r);
            };
            cards.add(new Card(rank, suit));
        }
        assertThat(end).as("cards '%s'", text).isEqualTo(text.length());
        assertThat(cards).as("cards '%s'", text).hasSize(3);
        return cards;
    }

    private static HandRank rank(Line line) {
        return HandEvaluator.rank(List.copyOf(line.cards()));
    }

    @Test
    void theOracleListsEveryHandOnce() {
        assertThat(lines).hasSize(22_100);
        assertThat(lines.stream().map(Line::cards).distinct().count()).isEqualTo(22_100);
    }

    @Test
    void everyHandHasTheOraclesType() {
        for (Line line : lines) {
            assertThat(rank(line).category().ordinal() + 1).as("type of %s", line.cards()).isEqualTo(line.type());
        }
    }

    @Test
    void handsTieExactlyWhenTheOracleSaysTheyTie() {
        Map<Integer, Set<Integer>> scoresByClass = new TreeMap<>();
        Map<Integer, Set<Integer>> classesByScore = new TreeMap<>();
        for (Line line : lines) {
            int score = rank(line).score();
            scoresByClass.computeIfAbsent(line.strengthClass(), k -> new HashSet<>()).add(score);
            classesByScore.computeIfAbsent(score, k -> new HashSet<>()).add(line.strengthClass());
        }
        assertThat(scoresByClass).hasSize(741)
                .allSatisfy((c, scores) -> assertThat(scores).as("class %d", c).hasSize(1));
        assertThat(classesByScore).hasSize(741)
                .allSatisfy((s, classes) -> assertThat(classes).as("score %d", s).hasSize(1));
    }

    @Test
    void strongerClassesHaveHigherScores() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> Integer.compare(a.strengthClass(), b.strengthClass()));
        for (int i = 1; i < sorted.size(); i++) {
            Line weaker = sorted.get(i - 1);
            Line stronger = sorted.get(i);
            int byOracle = Integer.compare(stronger.strengthClass(), weaker.strengthClass());
            int byUs = Integer.compare(rank(stronger).score(), rank(weaker).score());
            assertThat(byUs).as("%s against %s", stronger.cards(), weaker.cards()).isEqualTo(byOracle);
        }
    }

    @Test
    void everyHandBeatsAsManyHandsAsTheOracleCounts() {
        int[] scores = lines.stream().mapToInt(l -> rank(l).score()).sorted().toArray();
        for (Line line : lines) {
            int score = rank(line).score();
            int index = Arrays.binarySearch(scores, score);
            while (index > 0 && scores[index - 1] == score) {
                index--;
            }
            assertThat(index).as("hands weaker than %s", line.cards()).isEqualTo(line.weaker());
        }
    }
}
