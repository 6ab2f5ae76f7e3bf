package dev.scoreline.table.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.CardsSee;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.Show;
import dev.scoreline.table.event.SideShowAnswer;
import dev.scoreline.table.event.SideShowRequest;
import java.util.SplittableRandom;

/**
 * A player who decides from what they may know: the table's public view and their own seat's
 * view (their cards once seen, and the moves their view offers). It never sees the state behind
 * them. It plays loosely but not foolishly: it looks at its cards sooner when the pot has grown,
 * packs weak hands more often (more so against many players), likes to show a good one, and bets
 * mostly the minimum. The simulator asks it directly; the demo's players ask it over a gateway.
 */
public final class Bot {

    /** A move a bot chose: its kind and, for a bet, the amount; for an answer, whether it accepts. */
    public record Choice(Kind kind, long amount, boolean accept) {

        public enum Kind {
            SEE,
            BET,
            PACK,
            SHOW,
            SIDE_SHOW,
            ANSWER
        }

        static Choice of(Kind kind) {
            return new Choice(kind, 0, false);
        }

        /** The move as a player sends it through a gateway: the {@code action} of an {@code act} frame. */
        public ObjectNode action() {
            ObjectNode a = Json.object();
            switch (kind) {
                case SEE -> a.put("type", CardsSee.TYPE);
                case BET -> a.put("type", Bet.TYPE).put("amount", amount);
                case PACK -> a.put("type", Pack.TYPE);
                case SHOW -> a.put("type", Show.TYPE);
                case SIDE_SHOW -> a.put("type", SideShowRequest.TYPE);
                case ANSWER -> a.put("type", SideShowAnswer.TYPE).put("accept", accept);
            }
            return a;
        }
    }

    private Bot() {}

    /** The awaited player's move, from the moves their view offers. */
    public static Choice decide(JsonNode table, JsonNode own, SplittableRandom random) {
        JsonNode options = own.path("options");
        if (options.has("answerSideShow")) {
            boolean strong = strength(own) >= 1;
            return new Choice(Choice.Kind.ANSWER, 0, strong ? random.nextDouble() < 0.8 : random.nextDouble() < 0.3);
        }
        boolean canBet = options.has("bet");
        boolean canShow = options.has("show");
        if (options.has("see")) {
            if (!canBet && !canShow) {
                return Choice.of(Choice.Kind.SEE);
            }
            double p = random.nextDouble();
            if (p < (potIsLarge(table) ? 0.5 : 0.25)) {
                return Choice.of(Choice.Kind.SEE);
            }
            if (canShow && p < 0.4) {
                return Choice.of(Choice.Kind.SHOW);
            }
            return canBet && p < 0.96 ? bet(options.get("bet"), random) : Choice.of(Choice.Kind.PACK);
        }
        int strength = strength(own);
        double packChance = switch (strength) {
            case 0 -> highCardIsWeak(own) ? 0.45 : 0.15;
            case 1 -> 0.08;
            default -> 0.02;
        };
        if (playersIn(table) >= 4) {
            packChance *= 1.5;
        }
        if (random.nextDouble() < packChance) {
            return Choice.of(Choice.Kind.PACK);
        }
        if (canShow && random.nextDouble() < (strength >= 1 ? 0.5 : 0.25)) {
            return Choice.of(Choice.Kind.SHOW);
        }
        if (options.has("sideShow") && random.nextDouble() < 0.3) {
            return Choice.of(Choice.Kind.SIDE_SHOW);
        }
        if (canBet) {
            return bet(options.get("bet"), random);
        }
        return canShow ? Choice.of(Choice.Kind.SHOW) : Choice.of(Choice.Kind.PACK);
    }

    private static Choice bet(JsonNode range, SplittableRandom random) {
        long min = range.get("min").asLong();
        long max = range.get("max").asLong();
        long amount = max > min && random.nextDouble() < 0.3 ? random.nextLong(min, max + 1) : min;
        return new Choice(Choice.Kind.BET, amount, false);
    }

    /** A pot of twenty stakes or more is worth a look at one's cards. */
    private static boolean potIsLarge(JsonNode table) {
        return table.at("/hand/pot").asLong() >= 20 * table.at("/hand/stake").asLong();
    }

    /** How many players are still in the hand, as the table shows it. */
    private static int playersIn(JsonNode table) {
        int in = 0;
        for (JsonNode player : table.at("/hand/players")) {
            if (!"packed".equals(player.path("status").asText())) {
                in++;
            }
        }
        return in;
    }

    /** 0 for a high card, 1 for a pair, and so on up to 5 for a trail, from the bot's own view. */
    private static int strength(JsonNode own) {
        return switch (own.path("rank").asText()) {
            case "pair" -> 1;
            case "colour" -> 2;
            case "sequence" -> 3;
            case "pure sequence" -> 4;
            case "trail" -> 5;
            default -> 0;
        };
    }

    /** A high card without a queen or better. */
    private static boolean highCardIsWeak(JsonNode own) {
        for (JsonNode card : own.path("cards")) {
            if ("QKA".indexOf(card.asText().charAt(0)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
