package dev.scoreline.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.patch.MergePatch;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The game's books, from what the job published: every chip a wallet holds, has reserved or has at
 * a table (stacks and pots of the tables that play from wallets), every stake a match holds in its
 * undecided markets and every chip the house took from them, against every chip the game's
 * backend credited less what it debited. They balance once the topics are quiet: a chip on its way
 * between a wallet and a table (a reservation not yet answered, a stack not yet back) is counted on
 * both sides or on neither while it travels. Read the latest view of every channel the way a
 * gateway does ({@link #snapshot}, {@link #delta}), then {@link #totals}.
 */
public final class Books {

    private final Map<String, Held> channels = new HashMap<>();

    private static final class Held {
        String epoch;
        long version;
        ObjectNode view;
    }

    /** A snapshot from the compacted topic: the channel's state at its version (a later one replaces an earlier). */
    public void snapshot(Snapshot s) {
        if (!counted(s.channel()) || !(s.state() instanceof ObjectNode state)) {
            return;
        }
        Held held = channels.computeIfAbsent(s.channel(), c -> new Held());
        if (held.view == null || !s.epoch().equals(held.epoch) || s.version() > held.version) {
            held.epoch = s.epoch();
            held.version = s.version();
            held.view = state.deepCopy();
        }
    }

    /** A delta, in the topic's order per channel, after the snapshots: applied where it fits the view held. */
    public void delta(Delta d) {
        Held held = channels.get(d.channel());
        if (held == null || d.fit(held.epoch, held.version) != Delta.Fit.APPLIES) {
            return;
        }
        MergePatch.applyInPlace(held.view, d.patch());
        held.version = d.to();
    }

    private static boolean counted(String channel) {
        try {
            Channel c = Channel.parse(channel);
            return c.kind() == Channel.Kind.PLAYER || (c.kind() == Channel.Kind.TABLE && !c.isPrivate())
                    || Channel.MARKETS.equals(c.part());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Totals totals() {
        long balances = 0;
        long reserved = 0;
        long credited = 0;
        long debited = 0;
        long stacks = 0;
        long pots = 0;
        int wallets = 0;
        int tables = 0;
        int tablesWithout = 0;
        int matches = 0;
        long staked = 0;
        long house = 0;
        Map<String, Long> negative = new TreeMap<>();
        for (Map.Entry<String, Held> entry : channels.entrySet()) {
            JsonNode view = entry.getValue().view;
            if (entry.getKey().startsWith(Channel.Kind.PLAYER.prefix() + ":")) {
                wallets++;
                balances += view.path("balance").asLong();
                reserved += view.path("reserved").asLong();
                credited += view.path("credited").asLong();
                debited += view.path("debited").asLong();
                if (view.path("balance").asLong() < 0) {
                    negative.put(entry.getKey(), view.path("balance").asLong());
                }
            } else if (entry.getKey().endsWith("/" + Channel.MARKETS)) {
                matches++;
                staked += view.path("held").asLong();
                house += view.path("house").asLong();
            } else if (view.path("config").path("wallets").asBoolean(false)) {
                tables++;
                for (JsonNode seat : view.path("seats")) {
                    stacks += seat.path("chips").asLong();
                }
                pots += view.path("hand").path("pot").asLong();
            } else {
                tablesWithout++;
            }
        }
        return new Totals(wallets, tables, tablesWithout, matches, balances, reserved, stacks, pots, staked, house,
                credited, debited, negative);
    }

    /**
     * What the books hold.
     *
     * @param tablesWithoutWallets tables whose chips are the table service's own: not in the books
     * @param matches matches whose markets have been published
     * @param staked the stakes the matches hold in markets not yet decided
     * @param house what the house took (from betting pools: the tables take no rake)
     * @param negative wallets whose balance is below zero: only a correction that took back a payout
     *     already spent leaves one so, and the player then owes it
     */
    public record Totals(int wallets, int tables, int tablesWithoutWallets, int matches, long balances, long reserved,
            long stacks, long pots, long staked, long house, long credited, long debited, Map<String, Long> negative) {

        /** Every chip in the game, wherever it is. */
        public long held() {
            return balances + reserved + stacks + pots + staked + house;
        }

        /** Every chip the backend put in and did not take out. */
        public long issued() {
            return credited - debited;
        }

        /** Every chip accounted for: none made, none lost. A balance below zero is owed, not lost. */
        public boolean balanced() {
            return held() == issued();
        }
    }
}
