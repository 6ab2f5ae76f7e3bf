package dev.scoreline.job;

import dev.scoreline.market.BettingTerms;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.table.Dealer;
import dev.scoreline.table.TableState;
import dev.scoreline.table.TeenPattiRules;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.ticker.TickerRules;
import dev.scoreline.ticker.TickerState;
import dev.scoreline.ticker.event.TickerEvent;
import dev.scoreline.wallet.WalletRules;
import dev.scoreline.wallet.WalletState;
import dev.scoreline.wallet.event.WalletEvent;
import java.util.List;

/** The entity kinds Scoreline runs. Their names are part of operator uids: never rename them. */
public final class EntityKinds {

    /** The names {@code --entities} takes. */
    static final List<String> NAMES = List.of("match", "ticker", "table", "wallet");

    private EntityKinds() {}

    public static EntityKind<MatchState, MatchEvent> match(String inputTopic) {
        return match(inputTopic, BettingTerms.DEFAULT);
    }

    public static EntityKind<MatchState, MatchEvent> match(String inputTopic, BettingTerms betting) {
        return new EntityKind<>("match", inputTopic, "match-event", MatchEvent.class, MatchState.class,
                () -> new Scorer(betting));
    }

    /** @param dealer deals the tables' hands by itself; null when only {@code hand.start} events deal */
    public static EntityKind<TableState, TableEvent> table(String inputTopic, Dealer dealer) {
        return new EntityKind<>("table", inputTopic, "table-event", TableEvent.class, TableState.class,
                () -> new TeenPattiRules(dealer));
    }

    public static EntityKind<TickerState, TickerEvent> ticker(String inputTopic) {
        return new EntityKind<>("ticker", inputTopic, "ticker-event", TickerEvent.class, TickerState.class,
                TickerRules::new);
    }

    public static EntityKind<WalletState, WalletEvent> wallet(String inputTopic) {
        return new EntityKind<>("wallet", inputTopic, "wallet-event", WalletEvent.class, WalletState.class,
                WalletRules::new);
    }

    static List<EntityKind<?, ?>> of(JobOptions options) {
        return options.entities().stream()
                .<EntityKind<?, ?>>map(name -> switch (name) {
                    case "match" -> match(options.matchTopic(), options.betting());
                    case "ticker" -> ticker(options.tickerTopic());
                    case "wallet" -> wallet(options.walletTopic());
                    default -> table(options.tableTopic(), options.dealer());
                })
                .toList();
    }
}
