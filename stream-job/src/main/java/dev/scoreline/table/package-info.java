/**
 * Teen Patti tables: the rules ({@link dev.scoreline.table.TeenPattiRules}), the hand evaluator
 * ({@link dev.scoreline.table.HandEvaluator}), the deal ({@link dev.scoreline.table.Deck}) and the
 * views; {@code sim} holds the table simulator. Plain Java: the job wraps the rules.
 *
 * <h2>The variant</h2>
 *
 * <p><b>Table.</b> {@code table.open} fixes the seats (2 to 6), the boot, the chaal limit (the
 * most one bet may be, at least the boot), how many blind bets a player may make, the pot limit
 * (above the boots of a full table), the turn time-out in seconds, and optionally the least and
 * the most buy-in (the least at least the boot, the most no less than the least). Players sit in a
 * free seat with a buy-in within those limits (by default at least the boot and at most 10^12) and
 * leave with what they have; a seat left during a hand is free again once the hand ends.
 * {@code table.close} is accepted between hands only. A table opened with {@code wallets} sells its
 * seats from the players' wallets: it takes a sit only from a wallet ({@code fromWallet}), answers
 * the wallet ({@code seat.taken}, {@code seat.refused}), and sends every stack that leaves a seat
 * back to its wallet ({@code stack.return}); closing empties every seat. A table opened without
 * refuses sits from wallets: its chips are the table service's own.
 *
 * <p><b>Hand.</b> {@code hand.start} deals every seated player who has at least the boot (two at
 * least); each puts the boot in the pot. Where the job holds a dealer secret, a table also deals by
 * itself: {@link dev.scoreline.table.Dealer#PAUSE} (3 s) after it became ready for a hand (the end
 * of the last hand, or the event that gave it a second player with at least the boot; never while
 * it is closed), a {@code hand.start} with the id {@code <tableId>:hand:<n>}, stamped with that
 * time, and the first 53 bits of HMAC-SHA256(secret, {@code "<tableId>:<n>"}) as its seed. The
 * deal depends on the event's seed alone: the 52 cards (clubs, diamonds, hearts, spades, each 2 to
 * ace) are shuffled by Fisher-Yates with
 * {@code java.util.SplittableRandom(seed)} (for i from 51 down to 1 swap cards i and
 * {@code nextInt(i + 1)}), and the k-th dealt player in seat order gets cards 3k to 3k+2. The dealer
 * moves to the next dealt seat each hand (the first hand's dealer is the lowest dealt seat); the
 * player after the dealer acts first, and turns go round in seat order among the players still in
 * the hand. Everyone starts blind; a player may look at their cards ({@code cards.see}) at any time,
 * turn or not, and is then seen.
 *
 * <p><b>Bets.</b> The stake starts at the boot. On their turn a blind player bets 1 to 2 times the
 * stake, a seen player (a chaal) 2 to 4 times it; both bounds are capped at the chaal limit, and a
 * bet is never more than the player's chips (there is no all-in: a player who cannot pay the least
 * bet packs or asks for a show). A blind bet of b makes the stake b; a chaal of c makes it c / 2,
 * rounded down, but never lower than it was. A player who has made the table's number of blind
 * bets must see before betting or asking for a show. If a bet or a side-show payment brings the pot
 * to the pot limit or above, the hand ends at once in a forced show (a show's payment does not: the
 * show itself ends the hand).
 *
 * <p><b>Pack.</b> The awaited player may pack; a player who does not act by the turn's deadline
 * (its start plus the time-out) packs too ({@code turn.timeout}), and one who leaves the table
 * during a hand packs first. When only one player is left in the hand they win the pot and
 * nothing is shown. A player who, two hands in a row, did nothing but run out of time is stood up
 * when the second ends, leaving with their chips as if they had left.
 *
 * <p><b>Show.</b> Only with two players left, the player on turn pays for a show: the stake if
 * blind, the least chaal (twice the stake, capped) if seen. Both hands are shown to the table; the
 * higher wins the pot, and on a tie the player who asked loses.
 *
 * <p><b>Side show.</b> With three or more players in the hand, a seen player on turn may ask the
 * previous player still in the hand, who must be seen too, paying the least chaal. The asked
 * player accepts or denies (that answer is a turn of its own, with its own deadline; packing or
 * timing out instead cancels the side show). On acceptance the two compare privately: each sees
 * the other's cards in their own view, the table sees only that the lower hand packed (the asker
 * on a tie). Either way the turn passes to the player after the asker.
 *
 * <p><b>Forced show.</b> At the pot limit every hand still in play is shown; the best wins the pot;
 * equal best hands split it evenly, and the chips that do not divide go to the first of them in
 * seat order.
 *
 * <p><b>Ranking.</b> Trail &gt; pure sequence &gt; sequence &gt; colour &gt; pair &gt; high card.
 * Sequences of both kinds run A-K-Q &gt; A-2-3 &gt; K-Q-J &gt; ... &gt; 4-3-2 (K-A-2 is no
 * sequence). Colours and high cards compare their ranks from the highest down, a pair its rank
 * then the odd card; suits never break a tie.
 *
 * <p><b>Time.</b> The rules use event times only. A player's action (an event id
 * {@code act:<player>:<id>}) is timed by Kafka: its event time is the record's timestamp, which
 * the broker sets when it appends it, so a move is in time when Kafka has it before the deadline. An event stamped at or after the awaited player's
 * deadline first applies the overdue time-outs (the next turn starts at the deadline), so a replay
 * gives the same table whether the job's timer or the late event came first.
 *
 * <p><b>Chips.</b> What a hand takes from the players (boots, bets, show and side-show payments)
 * its winner gets; the seated chips plus the pot change only by buy-ins and by what leaving
 * players take.
 *
 * <h2>Channels</h2>
 *
 * <p>{@code table:<id>} shows the seats (player, chips), the configuration, the status, and the
 * current or last hand: number, dealer, pot, stake, the seat on turn and the awaited player with
 * the deadline, a pending side show, each dealt player's status (blind, seen, packed), what they
 * paid and their blind bets, the action log keyed by position and the last action, and at the end
 * the winners; cards (with their rank) only for the seats shown to the table. {@code
 * table:<id>/seat:<playerId>} adds, for that player, their cards and rank once they have seen
 * them, the cards they were shown in a side show, and the moves open to them now ({@code options}:
 * see, pack, bet with its least and most amount, show and side show with their cost, the side
 * show to answer). The change log hides the hand-start seed until the hand is over and then
 * reveals the seed and every dealt hand (see {@link dev.scoreline.table.TeenPattiRules}).
 */
package dev.scoreline.table;
