package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page and its client module in Debian's headless Chromium, against a demo that replays one
 * short match (Cricsheet 1178424) at 150 times real pace next to two tables where bots play. The
 * tests share the demo and the browser and run in order: the reconnect comes while the match is
 * still being played, a later test follows the same page to the match's result, and the last one
 * plays a hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageInBrowserTest {

    /** The match's 5,840 s of recorded time in about 40 s. */
    private static final double SPEED = 150;

    @TempDir
    static Path temp;

    private DemoCommand.Demo demo;
    private Gateway gateway;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        if (!Chromium.installed()) {
            return; // each test says why it is skipped
        }
        demo = DemoCommand.start(new DemoCommand.Settings(0, 0, 0, SPEED, ShortMatch.folder(temp), 2, temp.resolve("demo")),
                System.out);
        gateway = new Gateway(demo.port());
        browser = Chromium.start(temp.resolve("chromium-profile"), 1440, 1000);
    }

    @BeforeEach
    void needsChromium() {
        Chromium.assumeInstalled();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    // ---------------------------------------------------------------- the client module

    /** RFC 7386, section 3 and appendix A: target, patch, result. */
    private static final List<List<String>> RFC_7386_EXAMPLES = List.of(
            List.of("""
                    {"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},
                     "tags":["example","sample"],"content":"This will be unchanged"}""",
                    """
                    {"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]}""",
                    """
                    {"title":"Hello!","author":{"givenName":"John"},"tags":["example"],
                     "content":"This will be unchanged","phoneNumber":"+01-123-456-7890"}"""),
            List.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
            List.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
            List.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
            List.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
            List.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
            List.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
            List.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
            List.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
            List.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
            List.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
            List.of("{\"a\":\"foo\"}", "null", "null"),
            List.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
            List.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
            List.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
            List.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"));

    @Test
    @Order(1)
    void clientMergePatchGivesRfc7386sResultsAndLeavesTheTargetAlone() throws Exception {
        browser.get(url("/"));
        String out = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/static/scoreline-client.js').then((m) => done(JSON.stringify(arguments[0].map(([t, p]) => {
                  const target = JSON.parse(t);
                  const before = JSON.stringify(target);
                  const result = m.applyMergePatch(target, JSON.parse(p));
                  return { result: JSON.stringify(result), targetUnchanged: JSON.stringify(target) === before };
                }))), (e) => done(JSON.stringify({ error: String(e) })));
                """, RFC_7386_EXAMPLES);
        JsonNode results = Json.MAPPER.readTree(out);
        assertThat(results.isArray()).as("browser said %s", out).isTrue();
        for (int i = 0; i < RFC_7386_EXAMPLES.size(); i++) {
            List<String> example = RFC_7386_EXAMPLES.get(i);
            assertThat(Json.MAPPER.readTree(results.get(i).path("result").asText()))
                    .as("%s + %s", example.get(0), example.get(1))
                    .isEqualTo(Json.MAPPER.readTree(example.get(2)));
            assertThat(results.get(i).path("targetUnchanged").asBoolean()).as("target of example %d unchanged", i).isTrue();
        }
    }

    /**
     * The version rules, resync, epochs and reconnects of the client, through a scripted fake
     * WebSocket (the client takes the WebSocket constructor as an option).
     */
    @Test
    @Order(2)
    void clientKeepsTheVersionRulesAndResumesAfterReconnectingWithBackoff() throws Exception {
        browser.get(url("/"));
        String out = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { ScorelineClient } = await import('/static/scoreline-client.js');
                  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                  """ + Chromium.FAKE_WEBSOCKET + """
                  async function nextSocket(count) {
                    const started = Date.now();
                    while (sockets.length === count) {
                      if (Date.now() - started > 5000) throw new Error('no reconnect attempt within 5 s');
                      await sleep(5);
                    }
                    return sockets[sockets.length - 1];
                  }
                  const r = {};
                  const connection = [];
                  const client = new ScorelineClient('ws://gateway.test/ws', {
                    WebSocket: FakeSocket, initialDelayMs: 80, maxDelayMs: 320, heartbeatMs: 60000,
                    onConnection: (state, info) => connection.push({ state, delayMs: info.delayMs ?? null, attempt: info.attempt ?? null }),
                  });
                  const changes = [];
                  const sub = client.subscribe('match:1', { onState: (state, c) => changes.push({ kind: c.kind, version: c.version }) });
                  const snap = (epoch, version, state) => ({ type: 'snapshot', channel: 'match:1', epoch, version, state });
                  const delta = (epoch, from, to, patch) => ({ type: 'delta', channel: 'match:1', epoch, from, to, patch });
                  const now = () => ({ state: sub.state, epoch: sub.epoch, version: sub.version });
                  const first = sockets[0];
                  r.url = first.url;
                  first.open();
                  r.firstFrames = first.sent.slice();
                  first.receive(snap('e1', 3, { a: 1, b: { c: 1 } }));
                  first.receive(delta('e1', 2, 3, { a: 9 }));
                  r.afterStale = now();
                  first.receive(delta('e1', 3, 5, { a: 2, b: { c: null, d: 1 } }));
                  r.afterOverlap = now();
                  let mark = first.sent.length;
                  first.receive(delta('e1', 8, 9, { a: 3 }));
                  first.receive(delta('e1', 9, 10, { a: 3 }));
                  r.gapFrames = first.sent.slice(mark);
                  r.afterGap = now();
                  first.receive(delta('e1', 6, 10, { a: 4 }));
                  r.afterResync = now();
                  mark = first.sent.length;
                  first.receive(delta('e2', 1, 1, { x: 1 }));
                  r.epochFrames = first.sent.slice(mark);
                  r.duringEpochChange = now();
                  first.receive(snap('e2', 2, { x: 1, y: 2 }));
                  r.afterNewEpoch = now();
                  first.receive(snap('e2', 1, { x: 1 }));
                  r.afterOlderSnapshot = now();
                  r.changes = changes.slice();
                  first.drop();
                  let socket = first;
                  for (let i = 0; i < 3; i++) {
                    socket = await nextSocket(sockets.length);
                    socket.drop();
                  }
                  socket = await nextSocket(sockets.length);
                  socket.open();
                  r.resumeFrames = socket.sent.slice();
                  client.subscribe('table:t', { token: 'seat-token' });
                  r.tokenFrame = socket.sent[socket.sent.length - 1];
                  sub.unsubscribe();
                  r.unsubscribeFrame = socket.sent[socket.sent.length - 1];
                  const before = sockets.length;
                  client.close();
                  await sleep(800);
                  r.socketsAfterClose = sockets.length - before;
                  r.closedSocket = socket.closedByClient === true;
                  r.connection = connection;
                  r.finalConnection = client.connection;
                  return r;
                })().then((r) => done(JSON.stringify(r)), (e) => done(JSON.stringify({ error: String(e && e.stack || e) })));
                """);
        JsonNode r = Json.MAPPER.readTree(out);
        assertThat(r.has("error")).as("browser said %s", out).isFalse();

        assertThat(r.path("url").asText()).isEqualTo("ws://gateway.test/ws");
        assertThat(r.path("firstFrames")).isEqualTo(json("[{\"type\":\"subscribe\",\"channel\":\"match:1\"}]"));
        // to <= v: ignored
        assertThat(r.path("afterStale")).isEqualTo(json("{\"state\":{\"a\":1,\"b\":{\"c\":1}},\"epoch\":\"e1\",\"version\":3}"));
        // from-1 <= v < to: applied as a merge patch
        assertThat(r.path("afterOverlap")).isEqualTo(json("{\"state\":{\"a\":2,\"b\":{\"d\":1}},\"epoch\":\"e1\",\"version\":5}"));
        // from-1 > v: one resubscribe with since, the state kept
        assertThat(r.path("gapFrames")).isEqualTo(json(
                "[{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":{\"epoch\":\"e1\",\"version\":5}}]"));
        assertThat(r.path("afterGap").path("version").asInt()).isEqualTo(5);
        assertThat(r.path("afterResync")).isEqualTo(json("{\"state\":{\"a\":4,\"b\":{\"d\":1}},\"epoch\":\"e1\",\"version\":10}"));
        // another epoch: a fresh subscribe (no since); the old state stays until the snapshot comes
        assertThat(r.path("epochFrames")).isEqualTo(json("[{\"type\":\"subscribe\",\"channel\":\"match:1\"}]"));
        assertThat(r.path("duringEpochChange").path("version").asInt()).isEqualTo(10);
        assertThat(r.path("afterNewEpoch")).isEqualTo(json("{\"state\":{\"x\":1,\"y\":2},\"epoch\":\"e2\",\"version\":2}"));
        // a snapshot is where the gateway puts the subscription, even one older than what it held
        assertThat(r.path("afterOlderSnapshot")).isEqualTo(json("{\"state\":{\"x\":1},\"epoch\":\"e2\",\"version\":1}"));
        assertThat(r.path("changes")).isEqualTo(json("""
                [{"kind":"snapshot","version":3},{"kind":"delta","version":5},{"kind":"delta","version":10},
                 {"kind":"snapshot","version":2},{"kind":"snapshot","version":1}]"""));

        // reconnect: every channel again, with since its last version
        assertThat(r.path("resumeFrames")).isEqualTo(json(
                "[{\"type\":\"subscribe\",\"channel\":\"match:1\",\"since\":{\"epoch\":\"e2\",\"version\":1}}]"));
        assertThat(r.path("tokenFrame")).isEqualTo(json(
                "{\"type\":\"subscribe\",\"channel\":\"table:t\",\"token\":\"seat-token\"}"));
        assertThat(r.path("unsubscribeFrame")).isEqualTo(json("{\"type\":\"unsubscribe\",\"channel\":\"match:1\"}"));

        List<String> states = new ArrayList<>();
        List<JsonNode> waits = new ArrayList<>();
        for (JsonNode c : r.path("connection")) {
            states.add(c.path("state").asText());
            if (c.path("state").asText().equals("reconnecting")) {
                waits.add(c);
            }
        }
        assertThat(states).containsExactly("connecting", "connected",
                "reconnecting", "reconnecting", "reconnecting", "reconnecting", "connected", "closed");
        // exponential from 80 ms, capped at 320 ms; equal jitter: between half the ceiling and the ceiling
        long[] ceilings = {80, 160, 320, 320};
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(waits.get(i).path("attempt").asInt()).isEqualTo(i + 1);
            assertThat(waits.get(i).path("delayMs").asLong()).isBetween(ceilings[i] / 2, ceilings[i]);
        }
        assertThat(r.path("closedSocket").asBoolean()).isTrue();
        assertThat(r.path("socketsAfterClose").asInt()).as("no reconnect after close()").isZero();
        assertThat(r.path("finalConnection").asText()).isEqualTo("closed");
    }

    // ---------------------------------------------------------------- the page on the demo

    @Test
    @Order(3)
    void connectionShowsReconnectingThenResumesWithNothingLost() throws Exception {
        browser.get(url("/#match=" + ShortMatch.ID));
        waitUntil(Duration.ofSeconds(60), "the match under way and table demo-1 on the page", () -> bool("""
                const card = document.querySelector('[data-match="%s"]');
                return !!card && !!card.querySelector('[data-innings] [data-batter]')
                  && !!document.querySelector('[data-table="demo-1"] [data-seat]')
                  && document.querySelector('[data-connection]').dataset.connection === 'connected';
                """.formatted(ShortMatch.ID)));
        Chromium.screenshot(browser, "page-live-laptop.png");
        browser.executeScript("""
                window.__connectionStates = [];
                const box = document.querySelector('[data-connection]');
                new MutationObserver(() => window.__connectionStates.push(box.dataset.connection))
                  .observe(box, { attributes: true, attributeFilter: ['data-connection'] });
                """);
        JsonNode before = pageState(ShortMatch.CHANNEL);
        assertThat(before.path("state").path("status").asText())
                .as("the match is still being played when the gateway goes away").isNotEqualTo("completed");

        demo.restartGateway();

        waitUntil(Duration.ofSeconds(30), "the page connected again", () -> bool(
                "return document.querySelector('[data-connection]').dataset.connection === 'connected'"
                        + " && window.__connectionStates.length > 0"));
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.executeScript("return window.__connectionStates");
        assertThat(shown).contains("reconnecting");
        assertThat(shown.indexOf("reconnecting")).isLessThan(shown.lastIndexOf("connected"));
        assertThat(shown.get(shown.size() - 1)).isEqualTo("connected");

        assertPageHoldsWhatTheGatewayHas(ShortMatch.CHANNEL, null);
        assertPageHoldsWhatTheGatewayHas("table:demo-1", gateway.token("demo-1", null));
        assertThat(pageState(ShortMatch.CHANNEL).path("version").asLong())
                .isGreaterThanOrEqualTo(before.path("version").asLong());
    }

    @Test
    @Order(4)
    void tableShowsItsSeatsAndASeatsOwnCardsOnceAsked() throws Exception {
        String table = "demo-1";
        String token = gateway.token(table, null);
        waitUntil(Duration.ofSeconds(30), "table " + table + " on the page as the gateway has it", () -> {
            JsonNode shown = tableOnPage(table);
            JsonNode snapshot = gateway.snapshot("table:" + table, token);
            if (shown.path("version").asLong() != snapshot.path("version").asLong()) {
                return false;
            }
            JsonNode state = snapshot.path("state");
            List<String> expected = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = state.path("seats").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> seat = it.next();
                expected.add(seat.getKey() + " " + seat.getValue().path("playerId").asText() + " "
                        + seat.getValue().path("chips").asLong());
            }
            List<String> seats = new ArrayList<>();
            shown.path("seats").forEach(s -> seats.add(s.asText()));
            assertThat(seats).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(shown.path("pot").asLong()).isEqualTo(state.path("hand").path("pot").asLong(0));
            return true;
        });

        @SuppressWarnings("unchecked")
        List<String> found = Await.value("a player who has looked at their cards", Duration.ofSeconds(120), () ->
                (List<String>) browser.executeScript("""
                        const seat = [...document.querySelectorAll('[data-table] [data-seat]')]
                          .find((s) => s.querySelector('.pill.seen'));
                        return seat ? [seat.closest('[data-table]').dataset.table, seat.dataset.player] : null;"""));
        String seenTable = found.get(0);
        String player = found.get(1);
        By seat = By.cssSelector("[data-table=\"" + seenTable + "\"] [data-seat][data-player=\"" + player + "\"]");
        waitUntil(Duration.ofSeconds(10), "a click on " + player + "'s seat", () -> {
            try {
                browser.findElement(seat).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false; // the table was drawn again between finding the seat and clicking it
            }
        });

        String seatChannel = "table:" + seenTable + "/seat:" + player;
        String seatToken = gateway.token(seenTable, player);
        waitUntil(Duration.ofSeconds(40), player + "'s own cards on the page as the gateway has them", () -> {
            @SuppressWarnings("unchecked")
            List<String> cards = (List<String>) browser.executeScript("""
                    return [...document.querySelectorAll('[data-own-seat="%s"] [data-own-cards] [data-card]')]
                      .map((c) => c.dataset.card);""".formatted(player));
            if (cards.size() != 3) {
                return false;
            }
            JsonNode held = pageState(seatChannel);
            JsonNode snapshot = gateway.snapshot(seatChannel, seatToken);
            if (held.path("version").asLong() != snapshot.path("version").asLong()) {
                return false;
            }
            List<String> expected = new ArrayList<>();
            snapshot.path("state").path("cards").forEach(c -> expected.add(c.asText()));
            assertThat(cards).isEqualTo(expected);
            return true;
        });
        @SuppressWarnings("unchecked")
        List<String> exposed = (List<String>) browser.executeScript("""
                const table = arguments[0];
                const state = window.scoreline.client.subscriptions.get('table:' + table).state;
                return [...document.querySelectorAll(`[data-table="${table}"] [data-seat]`)]
                  .filter((s) => s.querySelector('[data-card]') && !state.hand?.players?.[s.dataset.seat]?.cards)
                  .map((s) => s.dataset.player);""", seenTable);
        assertThat(exposed).as("seats showing cards the table was not shown").isEmpty();
        Chromium.screenshot(browser, "page-table-seat-laptop.png");
    }

    @Test
    @Order(0)
    void aVisitorBetsOnTheReplayedMatchFromItsBettingPanel() throws Exception {
        browser.get(url("/#match=" + ShortMatch.ID));
        waitUntil(Duration.ofSeconds(60), "the betting panel with the winner market open", () -> bool(
                "return !!document.querySelector('[data-betting] button[data-market=\"winner\"]')"));
        waitUntil(Duration.ofSeconds(30), "the visitor's balance in the panel", () -> bool(
                "return !!document.querySelector('[data-betting] [data-bet-balance]')"));
        click("[data-betting] button[data-market=\"winner\"]");
        waitUntil(Duration.ofSeconds(20), "the winner bet's verdict", () -> betVerdict().contains("accepted"));
        assertThat(betVerdict()).contains("Bet 50 on").contains("(winner)");
        waitUntil(Duration.ofSeconds(20), "the bet among the visitor's open bets", () -> bool(
                "return [...document.querySelectorAll('[data-my-bets] [data-my-bet]')]"
                        + ".some((b) => b.textContent.includes('winner'))"));

        // a ball's market opens and closes within a fraction of a second at this pace: either answer is an answer
        waitUntil(Duration.ofSeconds(30), "an open ball market", () -> bool(
                "return !!document.querySelector('[data-betting] button[data-market^=\"ball:\"]')"));
        String before = betVerdict();
        click("[data-betting] button[data-market^=\"ball:\"]");
        waitUntil(Duration.ofSeconds(20), "the ball bet's verdict", () -> {
            String now = betVerdict();
            return !now.equals(before) && (now.contains("accepted") || now.contains("refused,"));
        });
        JsonNode markets = gateway.snapshot(ShortMatch.CHANNEL + "/markets", null).path("state");
        assertThat(markets.at("/markets/winner/pool").asLong()).as("the pool the page's bet joined")
                .isGreaterThanOrEqualTo(50);
        assertThat(markets.toString()).as("no player's name on the public markets").doesNotContain("guest-");
        Chromium.screenshot(browser, "page-betting-laptop.png");
    }

    @Test
    @Order(6)
    void theVisitorsWinnerBetComesBackWhenTheMatchEndsWithoutAResult() throws Exception {
        String guest = (String) browser.executeScript("return localStorage.getItem('scoreline.guest')");
        waitUntil(Duration.ofSeconds(60), "the winner bet returned on the page", () -> bool(
                "return [...document.querySelectorAll('[data-settlements] [data-kind=\"bet returned\"]')]"
                        + ".some((s) => s.textContent.includes('winner'))"));
        String token = gateway.token("demo-1", guest);
        waitUntil(Duration.ofSeconds(20), "the page's balance as the wallet has it, every bet decided", () -> {
            JsonNode wallet = gateway.snapshot("player:" + guest, token).path("state");
            Object shown = browser.executeScript(
                    "const b = document.querySelector('[data-betting] [data-bet-balance]'); return b ? b.textContent : null;");
            return wallet.path("bets").isEmpty()
                    && String.valueOf(wallet.path("balance").asLong()).equals(String.valueOf(shown).trim());
        });
        assertThat(bool("return document.querySelectorAll('[data-my-bets] [data-my-bet]').length === 0"))
                .as("no open bet left on the page").isTrue();
    }

    private String betVerdict() {
        Object text = browser.executeScript(
                "const v = document.querySelector('[data-bet-verdict]'); return v ? v.textContent : '';");
        return String.valueOf(text);
    }

    @Test
    @Order(5)
    void pageFollowsTheMatchToItsResultAndItsScorecardIsTheGatewaysFinalSnapshot() throws Exception {
        waitUntil(Duration.ofSeconds(120), "the match's result on the page", () -> bool("""
                const card = document.querySelector('[data-match="%s"]');
                return !!card && card.dataset.status === 'completed' && !!card.querySelector('[data-field="result"]');
                """.formatted(ShortMatch.ID)));
        JsonNode snapshot = gateway.snapshot(ShortMatch.CHANNEL, null);
        waitUntil(Duration.ofSeconds(10), "the page at the gateway's last version", () ->
                scorecardOnPage().path("version").asLong() == snapshot.path("version").asLong());

        JsonNode page = scorecardOnPage();
        JsonNode state = snapshot.path("state");
        assertThat(page.path("innings")).isEqualTo(expectedInnings(state));
        JsonNode result = state.path("result");
        assertThat(page.path("result").path("kind").asText()).isEqualTo(result.path("result").asText("win"));
        assertThat(page.path("result").path("winner").asText(null)).isEqualTo(result.path("winner").asText(null));
        assertThat(page.path("result").path("byRuns").asText(null)).isEqualTo(result.path("by").path("runs").asText(null));
        assertThat(page.path("result").path("byWickets").asText(null))
                .isEqualTo(result.path("by").path("wickets").asText(null));
        assertThat(page.path("result").path("text").asText()).isNotBlank();
        // the client's whole state, built from a snapshot and deltas across a reconnect, is the gateway's
        assertSameJson(pageState(ShortMatch.CHANNEL).path("state"), state, "the client's state of " + ShortMatch.CHANNEL);

        // and the record itself: each innings' runs and wickets, and the outcome
        List<ShortMatch.InningsTotal> totals = ShortMatch.totals();
        assertThat(page.path("innings")).hasSize(totals.size());
        for (int i = 0; i < totals.size(); i++) {
            JsonNode innings = page.path("innings").get(i);
            assertThat(innings.path("team").asText()).isEqualTo(totals.get(i).team());
            assertThat(innings.path("runs").asInt()).isEqualTo(totals.get(i).runs());
            assertThat(innings.path("wickets").asInt()).isEqualTo(totals.get(i).wickets());
        }
        assertThat(page.path("result").path("kind").asText()).isEqualTo(ShortMatch.outcome().path("result").asText());
        assertThat(page.path("result").path("text").asText()).isEqualTo("No result");

        Chromium.screenshot(browser, "page-result-laptop.png");
        browser.manage().window().setSize(new Dimension(390, 2400));
        try {
            waitUntil(Duration.ofSeconds(5), "the phone layout", () ->
                    ((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue() <= 390);
            assertThat(((Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("nothing wider than a phone's screen").isLessThanOrEqualTo(0);
            Chromium.screenshot(browser, "page-result-phone.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1440, 1000));
        }
    }

    /** docs/client.md's ten-line example, as written but for the gateway's address and match. */
    @Test
    @Order(7)
    void clientPagesExampleRunsAsWritten() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "client.md"));
        String section = page.substring(page.indexOf("## Loading it and a first example"));
        int start = section.indexOf("```js\n") + "```js\n".length();
        String example = section.substring(start, section.indexOf("```", start));
        String importLine = "import { ScorelineClient } from \"/static/scoreline-client.js\";";
        assertThat(example).contains(importLine, "ws://localhost:8080/ws", "match:1082591", "console.log(");
        String body = example
                .replace(importLine, "const { ScorelineClient } = await import(\"/static/scoreline-client.js\");")
                .replace("ws://localhost:8080/ws", "ws://localhost:" + demo.port() + "/ws")
                .replace("match:1082591", ShortMatch.CHANNEL)
                .replace("console.log(", "log(");
        String out = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const lines = [];
                const log = (...args) => lines.push(args.map(String).join(" "));
                (async () => {
                %s
                  await new Promise((resolve) => setTimeout(resolve, 2000));
                  client.close();
                })().then(() => done(JSON.stringify(lines)), (e) => done(JSON.stringify(["error: " + e])));
                """.formatted(body));
        List<String> lines = new ArrayList<>();
        Json.MAPPER.readTree(out).forEach(line -> lines.add(line.asText()));
        long version = gateway.snapshot(ShortMatch.CHANNEL, null).path("version").asLong();
        assertThat(lines).as("what the example printed").contains("connecting ", "connected ", "closed ")
                .contains("v" + version + " " + ShortMatch.totals().get(0).runs());
        String seated = lines.stream().filter(line -> line.startsWith("seated at version ")).findFirst().orElseThrow(
                () -> new AssertionError("the example's act() was not accepted: " + lines));
        long satAt = Long.parseLong(seated.substring("seated at version ".length()));
        assertThat(lines).as("the seat's own view once the job seated the player").contains("500 chips");
        assertThat(lines).as("the wallet: the welcome bonus less the buy-in")
                .contains("balance " + (10_000 - 500));
        assertThat(gateway.snapshot("table:demo-1", gateway.token("demo-1", null)).path("version").asLong())
                .isGreaterThanOrEqualTo(satAt);
    }

    /**
     * A visitor takes the free seat of a table the bots play at, and plays a whole hand through the
     * page: each click an act, each answered on the card by the job's verdict, a bet over the limit
     * refused with the rules' reason; the page's balance is the wallet's, the buy-in taken. What
     * the page shows at the end is what the gateway has.
     */
    @Test
    @Order(8)
    void aVisitorTakesASeatAndPlaysAWholeHandAgainstTheBots() throws Exception {
        String table = "demo-2";
        String card = "[data-table=\"" + table + "\"]";
        waitUntil(Duration.ofSeconds(60), "a free seat at " + table, () -> bool(
                "return !!document.querySelector(arguments[0] + ' button[data-move=\"sit\"]')", card));
        String guest = (String) browser.executeScript("return localStorage.getItem('scoreline.guest')");
        assertThat(guest).startsWith("guest-");
        click(card + " button[data-move=\"sit\"]");
        waitUntil(Duration.ofSeconds(20), "the sit's verdict", () -> verdictText(card).contains("accepted"));
        waitUntil(Duration.ofSeconds(20), guest + " seated on the page", () -> bool(
                "return [...document.querySelectorAll('[data-table=\"" + table + "\"] [data-seat]')]"
                        + ".some((s) => s.dataset.player === arguments[0])", guest));

        String walletToken = gateway.token(table, guest);
        waitUntil(Duration.ofSeconds(20), "the page's balance as the wallet has it, the buy-in taken", () -> {
            JsonNode wallet = gateway.snapshot("player:" + guest, walletToken).path("state");
            Object shown = browser.executeScript(
                    "const b = document.querySelector('[data-wallet] [data-balance]'); return b ? b.textContent : null;");
            return wallet.path("atTables").asLong() > 0
                    && String.valueOf(wallet.path("balance").asLong()).equals(String.valueOf(shown).trim());
        });

        List<String> verdicts = new ArrayList<>();
        int dealtIn = 0;
        int bets = 0;
        boolean triedTooMuch = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            assertThat(System.nanoTime()).as("a whole hand played within 3 minutes; verdicts %s", verdicts)
                    .isLessThan(deadline);
            JsonNode state = Json.MAPPER.readTree((String) browser.executeScript(
                    "return JSON.stringify(window.scoreline.client.subscriptions.get('table:" + table + "').state)"));
            JsonNode hand = state.path("hand");
            boolean dealt = false;
            for (JsonNode p : hand.path("players")) {
                dealt |= p.path("playerId").asText().equals(guest);
            }
            if (dealt && dealtIn == 0) {
                dealtIn = hand.path("number").asInt();
            }
            if (dealtIn > 0 && hand.path("number").asInt() == dealtIn && hand.has("result")) {
                break;
            }
            boolean myTurn = dealtIn > 0 && !hand.has("result") && hand.at("/awaiting/playerId").asText().equals(guest);
            String move = myTurn ? firstMove(card, triedTooMuch || bets < 3
                    ? new String[] {"accept", "bet", "show", "pack"} : new String[] {"accept", "show", "pack"}) : null;
            if (move != null) {
                String before = verdictText(card);
                if (move.equals("bet") && !triedTooMuch) {
                    browser.executeScript("const input = document.querySelector(arguments[0] + ' [data-bet-amount]');"
                            + "input.value = Number(input.max) + 1000;", card);
                    triedTooMuch = true;
                } else if (move.equals("bet")) {
                    bets++;
                }
                click(card + " button[data-move=\"" + move + "\"]");
                waitUntil(Duration.ofSeconds(20), "the verdict on " + move, () -> {
                    String now = verdictText(card);
                    return !now.equals(before) && !now.endsWith("…");
                });
                verdicts.add(verdictText(card));
            }
            Thread.sleep(200);
        }

        assertThat(verdicts).as("a bet over the limit refused, with the rules' reason")
                .anySatisfy(v -> assertThat(v).contains("refused,").containsIgnoringCase("bet"));
        assertThat(verdicts.stream().filter(v -> !v.contains("refused,")))
                .as("every other move accepted").isNotEmpty().allSatisfy(v -> assertThat(v).contains("accepted"));
        String token = gateway.token(table, null);
        waitUntil(Duration.ofSeconds(20), "the page's table as the gateway has it", () -> {
            JsonNode snapshot = gateway.snapshot("table:" + table, token);
            return snapshot.path("version").asLong() == tableOnPage(table).path("version").asLong();
        });
        JsonNode finalState = gateway.snapshot("table:" + table, token).path("state");
        assertThat(finalState.path("hands").asInt()).isGreaterThanOrEqualTo(dealtIn);
        Chromium.screenshot(browser, "page-table-played-laptop.png");
    }

    private String verdictText(String card) {
        Object text = browser.executeScript(
                "const v = document.querySelector(arguments[0] + ' [data-verdict]'); return v ? v.textContent : '';", card);
        return String.valueOf(text);
    }

    /** The first of these moves the visitor's seat offers now, or null. */
    private String firstMove(String card, String... moves) {
        for (String move : moves) {
            if (bool("return !!document.querySelector(arguments[0] + ' button[data-move=\"' + arguments[1] + '\"]')",
                    card, move)) {
                return move;
            }
        }
        return null;
    }

    private void click(String selector) {
        browser.executeScript("document.querySelector(arguments[0]).click()", selector);
    }

    // ---------------------------------------------------------------- reading the page

    /** What the page's scorecard shows, read from its elements' text. */
    private JsonNode scorecardOnPage() throws IOException {
        return Json.MAPPER.readTree((String) browser.executeScript("""
                const card = document.querySelector('[data-match="%s"]');
                const text = (root, selector) => { const e = root.querySelector(selector); return e ? e.textContent.trim() : null; };
                const innings = [...card.querySelectorAll('[data-innings]')].map((section) => ({
                  team: text(section, 'h4'),
                  runs: text(section, '.innings-score [data-field="runs"]'),
                  wickets: text(section, '.innings-score [data-field="wickets"]'),
                  overs: text(section, '.innings-score [data-field="overs"]'),
                  batters: [...section.querySelectorAll('[data-batter]')].map((row) => ({
                    position: row.dataset.batter, name: text(row, '[data-field="name"]'),
                    runs: text(row, '[data-field="runs"]'), balls: text(row, '[data-field="balls"]'),
                    out: text(row, '[data-field="out"]') })),
                  bowlers: [...section.querySelectorAll('[data-bowler]')].map((row) => ({
                    name: text(row, '[data-field="name"]'), overs: text(row, '[data-field="overs"]'),
                    maidens: text(row, '[data-field="maidens"]'), runs: text(row, '[data-field="runs"]'),
                    wickets: text(row, '[data-field="wickets"]') })),
                }));
                const result = card.querySelector('[data-field="result"]');
                return JSON.stringify({
                  version: Number(card.dataset.version), innings,
                  result: result && { text: result.textContent.trim(), kind: result.dataset.resultKind,
                    winner: result.dataset.winner, byRuns: result.dataset.byRuns, byWickets: result.dataset.byWickets },
                });""".formatted(ShortMatch.ID)));
    }

    /** The same shape as {@link #scorecardOnPage()}'s innings, from a snapshot's state. */
    private static JsonNode expectedInnings(JsonNode state) {
        List<Map<String, Object>> innings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = state.path("innings").fields(); it.hasNext(); ) {
            JsonNode inn = it.next().getValue();
            List<Map<String, Object>> batters = new ArrayList<>();
            inn.path("batters").fields().forEachRemaining(e -> batters.add(Map.of(
                    "position", e.getKey(),
                    "name", e.getValue().path("name").asText(),
                    "runs", e.getValue().path("runs").asText(),
                    "balls", e.getValue().path("balls").asText(),
                    // a completed match has no one batting: every batter without a dismissal is not out
                    "out", e.getValue().path("out").asText("not out"))));
            List<Map<String, Object>> bowlers = new ArrayList<>();
            inn.path("bowlers").fields().forEachRemaining(e -> bowlers.add(Map.of(
                    "name", e.getKey(),
                    "overs", e.getValue().path("overs").asText(),
                    "maidens", e.getValue().path("maidens").asText(),
                    "runs", e.getValue().path("runs").asText(),
                    "wickets", e.getValue().path("wickets").asText())));
            innings.add(Map.of(
                    "team", inn.path("team").asText(),
                    "runs", inn.path("runs").asText(),
                    "wickets", inn.path("wickets").asText(),
                    "overs", inn.path("overs").asText(),
                    "batters", batters,
                    "bowlers", bowlers));
        }
        return Json.MAPPER.valueToTree(innings);
    }

    /** A table as the page shows it: its version, "seat player chips" per seat, and the pot. */
    private JsonNode tableOnPage(String table) throws IOException {
        return Json.MAPPER.readTree((String) browser.executeScript("""
                const card = document.querySelector('[data-table="%s"]');
                if (!card || !card.querySelector('[data-seat]')) return JSON.stringify({ version: -1 });
                return JSON.stringify({
                  version: Number(card.dataset.version),
                  seats: [...card.querySelectorAll('[data-seat]')].map((s) =>
                    `${s.dataset.seat} ${s.querySelector('.seat-player').firstChild.textContent} ${s.querySelector('[data-field="chips"]').textContent}`),
                  pot: Number(card.querySelector('[data-field="pot"]').textContent),
                });""".formatted(table)));
    }

    /** What the page's client holds for a channel: {epoch, version, state}, or an empty object. */
    private JsonNode pageState(String channel) throws IOException {
        return Json.MAPPER.readTree((String) browser.executeScript("""
                const sub = window.scoreline.client.subscriptions.get(arguments[0]);
                return JSON.stringify(sub && sub.state !== undefined
                  ? { epoch: sub.epoch, version: sub.version, state: sub.state } : {});""", channel));
    }

    /** Waits until the page's client and the gateway are at one version of the channel, then compares the states. */
    private void assertPageHoldsWhatTheGatewayHas(String channel, String token) throws Exception {
        waitUntil(Duration.ofSeconds(30), channel + " on the page at the gateway's version", () -> {
            JsonNode held = pageState(channel);
            JsonNode snapshot = gateway.snapshot(channel, token);
            if (!held.path("epoch").asText().equals(snapshot.path("epoch").asText())
                    || held.path("version").asLong() != snapshot.path("version").asLong()) {
                return false;
            }
            assertSameJson(held.path("state"), snapshot.path("state"), channel + " at version " + held.path("version"));
            return true;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private String url(String path) {
        return "http://localhost:" + demo.port() + path;
    }

    private boolean bool(String script, Object... arguments) {
        return Boolean.TRUE.equals(browser.executeScript(script, arguments));
    }

    /** JSON equality where numbers compare by value: JavaScript writes 23.0 as 23. */
    private static void assertSameJson(JsonNode actual, JsonNode expected, String what) {
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
        if (!actual.equals(numbersByValue, expected)) {
            throw new AssertionError(what + "\nexpected: " + expected + "\n but was: " + actual);
        }
    }

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Duration timeout, String what, Check check) throws Exception {
        Await.value(what, timeout, () -> check.ok() ? Boolean.TRUE : null);
    }
}
