package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The ticker strip of the page and the client's handling of auto-subscribed channels, in Debian's
 * headless Chromium against a gateway started with {@code --auto-subscribe scores} in dev mode. The
 * tests share the gateway and the browser and run in order: each takes the ticker further, and the
 * last feeds the page's scorecard and tables hostile names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TickerInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;

    private Feed feed;
    private EdgeGateway gateway;
    private ChromeDriver browser;

    @BeforeAll
    void start() {
        if (!Chromium.installed()) {
            return; // each test says why it is skipped
        }
        Broker.Topics topics = Broker.topics(1);
        feed = new Feed(topics);
        // dev mode: the page finds its tables with the dev tokens
        gateway = Gateways.start(topics, b -> b.autoSubscribe(List.of(Ticker.CHANNEL)).jwtSecret(null).devMode(true));
        browser = Chromium.start(temp.resolve("chromium-profile"), 1280, 900);
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
        if (gateway != null) {
            gateway.close();
        }
        if (feed != null) {
            feed.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + gateway.port() + path;
    }

    private boolean bool(String script, Object... args) {
        return Boolean.TRUE.equals(browser.executeScript(script, args));
    }

    private JsonNode json(String script) {
        return Json.tree((String) browser.executeScript(script));
    }

    private static JsonNode parse(String text) {
        return Json.tree(text);
    }

    private void awaitTickerAt(String epoch, long version) {
        Await.until("scores at " + epoch + ":" + version + " at the gateway", WAIT, () -> {
            var r = Http.get(gateway.port(), "/v1/channels/scores");
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode s = Http.json(r);
            return s.get("epoch").asText().equals(epoch) && s.get("version").asLong() == version;
        });
    }

    /**
     * The client through a scripted fake WebSocket: a watched channel sends nothing, frames of a
     * channel nobody named are kept, a reconnect names the auto-subscribed channels' positions in
     * the URL, leaves again what the application left, and falls back to a subscribe when the
     * gateway says a channel is not auto-subscribed there.
     */
    @Test
    @Order(1)
    void clientKeepsAutoSubscribedChannelsAndResumesThemThroughTheUpgradeUrl() {
        browser.get(url("/"));
        String out = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { ScorelineClient } = await import('/static/scoreline-client.js');
                  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                  """ + Chromium.FAKE_WEBSOCKET + """
                  const r = {};
                  const client = new ScorelineClient('ws://gateway.test/ws', {
                    WebSocket: FakeSocket, initialDelayMs: 20, maxDelayMs: 40, heartbeatMs: 60000,
                  });
                  const seen = [];
                  const ticker = client.watch('scores', {
                    onState: (s, c) => seen.push({ kind: c.kind, version: c.version, score: s.matches.a.score }),
                  });
                  const first = sockets[0];
                  first.open();
                  r.firstFrames = first.sent.slice();
                  r.watchedIsAuto = ticker.auto;
                  first.receive({ type: 'snapshot', channel: 'scores', epoch: 'e1', version: 3, state: { matches: { a: { score: '1/0' } } } });
                  first.receive({ type: 'delta', channel: 'scores', epoch: 'e1', from: 4, to: 4, patch: { matches: { a: { score: '2/0' } } } });
                  first.receive({ type: 'snapshot', channel: 'match:9', epoch: 'm', version: 1, state: { x: 1 } });
                  const late = [];
                  client.watch('match:9', { onState: (s, c) => late.push({ kind: c.kind, version: c.version, x: s.x }) });
                  r.late = late;
                  client.subscribe('match:1');
                  first.receive({ type: 'snapshot', channel: 'match:1', epoch: 'e2', version: 7, state: {} });
                  client.unsubscribe('match:9');
                  r.unsubscribeFrame = first.sent[first.sent.length - 1];
                  first.drop();
                  while (sockets.length === 1) await sleep(5);
                  const second = sockets[1];
                  r.resumeUrl = second.url;
                  second.open();
                  r.resumeFrames = second.sent.slice();
                  second.receive({ type: 'snapshot', channel: 'match:9', epoch: 'm', version: 2, state: { x: 2 } });
                  r.leftChannelIgnored = !client.subscriptions.has('match:9') && late.length === 1;
                  second.receive({ type: 'error', code: 'not-auto-subscribed', channel: 'scores', message: 'not here' });
                  r.fallbackFrame = second.sent[second.sent.length - 1];
                  r.tickerAutoAfterFallback = ticker.auto;
                  client.unsubscribe('match:1');
                  second.receive({ type: 'delta', channel: 'match:1', epoch: 'e2', from: 8, to: 8, patch: {} });
                  r.inFlightFrameOfALeftChannelIgnored = !client.subscriptions.has('match:1');
                  r.seen = seen;
                  client.close();
                  return r;
                })().then((r) => done(JSON.stringify(r)), (e) => done(JSON.stringify({ error: String(e && e.stack || e) })));
                """);
        JsonNode r = Json.tree(out);
        assertThat(r.has("error")).as("browser said %s", out).isFalse();
        assertThat(r.path("firstFrames")).as("a watched channel is not asked for").isEqualTo(parse("[]"));
        assertThat(r.path("watchedIsAuto").asBoolean()).isTrue();
        assertThat(r.path("seen")).isEqualTo(parse("""
                [{"kind":"snapshot","version":3,"score":"1/0"},{"kind":"delta","version":4,"score":"2/0"}]"""));
        assertThat(r.path("late")).as("a late watch sees the state already held")
                .isEqualTo(parse("[{\"kind\":\"snapshot\",\"version\":1,\"x\":1}]"));
        assertThat(r.path("unsubscribeFrame")).isEqualTo(parse("{\"type\":\"unsubscribe\",\"channel\":\"match:9\"}"));
        assertThat(r.path("resumeUrl").asText()).isEqualTo("ws://gateway.test/ws?since=scores%3Ae1%3A4");
        assertThat(r.path("resumeFrames")).isEqualTo(parse("""
                [{"type":"unsubscribe","channel":"match:9"},
                 {"type":"subscribe","channel":"match:1","since":{"epoch":"e2","version":7}}]"""));
        assertThat(r.path("leftChannelIgnored").asBoolean()).isTrue();
        assertThat(r.path("fallbackFrame")).isEqualTo(parse(
                "{\"type\":\"subscribe\",\"channel\":\"scores\",\"since\":{\"epoch\":\"e1\",\"version\":4}}"));
        assertThat(r.path("tickerAutoAfterFallback").asBoolean()).isFalse();
        assertThat(r.path("inFlightFrameOfALeftChannelIgnored").asBoolean()).isTrue();
    }

    private static final String TICKER_ON_PAGE = """
            const box = document.querySelector('[data-ticker]');
            return JSON.stringify({
              hidden: box.hidden,
              version: box.dataset.version === undefined ? null : Number(box.dataset.version),
              images: box.querySelectorAll('img').length,
              lines: [...box.querySelectorAll('[data-ticker-match]')].map((l) => ({
                id: l.dataset.tickerMatch, status: l.dataset.status,
                score: l.querySelector('[data-field="score"] b')?.textContent ?? null,
                text: l.textContent,
              })),
            });""";

    @Test
    @Order(2)
    void pageShowsTheTickerStripLiveLinesFirstAndFollowsItsDeltas() throws Exception {
        Ticker.publish(feed, "e1", 1, 3);
        awaitTickerAt("e1", 3);
        browser.get(url("/"));
        Await.until("the ticker strip at version 3", WAIT,
                () -> json(TICKER_ON_PAGE).path("version").asLong() == 3);
        JsonNode shown = json(TICKER_ON_PAGE);
        assertThat(shown.path("hidden").asBoolean()).isFalse();
        JsonNode lines = shown.path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("id").asText()).as("the live line first").isEqualTo(Ticker.LIVE);
        assertThat(lines.get(0).path("status").asText()).isEqualTo("live");
        assertThat(lines.get(0).path("score").asText()).isEqualTo(Ticker.score(3));
        assertThat(lines.get(0).path("text").asText())
                .contains("Sunrisers Hyderabad v Royal Challengers Bangalore", "(" + Ticker.overs(3) + " ov)",
                        "target 208");
        assertThat(lines.get(1).path("id").asText()).isEqualTo(Ticker.DONE);
        assertThat(lines.get(1).path("text").asText())
                .contains("England v Pakistan", "151/2", "(30.1 ov)", "England won by 44 runs (D/L)");

        feed.delta(Ticker.delta("e1", 4));
        Await.until("the live line at " + Ticker.score(4), WAIT,
                () -> json(TICKER_ON_PAGE).path("lines").get(0).path("score").asText().equals(Ticker.score(4)));
        assertThat(json(TICKER_ON_PAGE).path("lines").get(0).path("text").asText()).contains("(" + Ticker.overs(4) + " ov)");
        Chromium.screenshot(browser, "ticker-live.png");

        ObjectNode patch = Json.object();
        ObjectNode lines5 = patch.putObject("matches");
        lines5.putNull(Ticker.DONE);
        lines5.putObject("9990001").put("status", "live")
                .putArray("teams").add("<img src=x onerror=\"window.__owned=1\">").add("Tom & Jerry");
        feed.delta(new Delta(Ticker.CHANNEL, "e1", 5, 5, patch));
        Await.until("the ticker at version 5", WAIT, () -> json(TICKER_ON_PAGE).path("version").asLong() == 5);
        shown = json(TICKER_ON_PAGE);
        assertThat(shown.path("lines")).extracting(l -> l.path("id").asText())
                .as("a line removed by null, a new one before its first ball").containsExactly(Ticker.LIVE, "9990001");
        assertThat(shown.path("lines").get(1).path("text").asText())
                .contains("<img src=x onerror=\"window.__owned=1\"> v Tom & Jerry", "yet to start");
        assertThat(shown.path("images").asInt()).as("text stays text").isZero();
        assertThat(bool("return window.__owned === undefined")).isTrue();
    }

    @Test
    @Order(3)
    void aClientThatLostItsConnectionResumesTheTickerFromTheRingWithoutASnapshot() throws Exception {
        Ticker.publish(feed, "e2", 1, 3);
        awaitTickerAt("e2", 3);
        browser.get(url("/static/hook-check.txt"));
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/static/scoreline-client.js').then(({ ScorelineClient }) => {
                  const t = window.__t = { urls: [], sockets: [], changes: [], away: false };
                  // a socket that the test can drop, and that cannot open while the test keeps it away
                  class Tracked extends WebSocket {
                    constructor(url) {
                      if (t.away) throw new Error('away');
                      super(url);
                      t.urls.push(url);
                      t.sockets.push(this);
                    }
                  }
                  t.client = new ScorelineClient('ws://' + location.host + '/ws',
                    { WebSocket: Tracked, initialDelayMs: 50, maxDelayMs: 200 });
                  t.client.watch('scores', { onState: (s, c) => t.changes.push({ kind: c.kind, epoch: c.epoch,
                    version: c.version, from: c.from ?? null }) });
                  done();
                });""");
        Await.until("the client at e2:3", WAIT, () -> bool("""
                const last = window.__t.changes[window.__t.changes.length - 1];
                return !!last && last.epoch === 'e2' && last.version === 3;"""));
        browser.executeScript("window.__t.away = true; window.__t.sockets[window.__t.sockets.length - 1].close();");

        Ticker.publish(feed, "e2", 4, 6);
        awaitTickerAt("e2", 6);
        browser.executeScript("window.__t.changes = []; window.__t.away = false;");
        Await.until("the client at e2:6", WAIT, () -> bool("""
                const last = window.__t.changes[window.__t.changes.length - 1];
                return !!last && last.version === 6;"""));

        JsonNode t = json("return JSON.stringify({ urls: window.__t.urls, changes: window.__t.changes,"
                + " state: window.__t.client.subscriptions.get('scores').state })");
        browser.executeScript("window.__t.client.close()");
        List<String> urls = Json.MAPPER.convertValue(t.path("urls"), Json.MAPPER.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertThat(urls).hasSize(2);
        assertThat(urls.get(1)).endsWith("/ws?since=scores%3Ae2%3A3");
        assertThat(t.path("changes")).as("the missed deltas from the ring, no snapshot").isEqualTo(parse("""
                [{"kind":"delta","epoch":"e2","version":4,"from":4},
                 {"kind":"delta","epoch":"e2","version":5,"from":5},
                 {"kind":"delta","epoch":"e2","version":6,"from":6}]"""));
        assertThat(t.path("state")).isEqualTo(Ticker.state(6));
    }

    /** A name that would be an element, run a script, and end an attribute, were it markup. */
    private static final String HOSTILE = "<img src=x onerror=\"window.__owned=1\">\"'&";

    @Test
    @Order(4)
    void hostileNamesInAScorecardAndAtATableShowAsTextAndMakeNoElement() throws Exception {
        String name = Json.MAPPER.writeValueAsString(HOSTILE);
        feed.delta(new Delta("match:9990002", "h1", 1, 1, (ObjectNode) Json.tree("""
                {"teams": [NAME, "Tom & Jerry"], "status": "live", "venue": NAME, "toss": {"winner": NAME, "decision": NAME},
                 "innings": {"1": {"team": NAME, "runs": 12, "wickets": 1, "overs": "2.1", "legalBalls": 13, "runRate": 5.5,
                   "batters": {"1": {"name": NAME, "runs": 7, "balls": 6, "fours": 1, "sixes": 0, "out": NAME},
                               "2": {"name": "Tom & Jerry", "runs": 4, "balls": 5, "fours": 0, "sixes": 0},
                               "3": {"name": "O'Neil", "runs": 0, "balls": 2, "fours": 0, "sixes": 0}},
                   "striker": "Tom & Jerry", "nonStriker": "O'Neil", "bowler": NAME,
                   "bowlers": {NAME: {"overs": "2.1", "maidens": 0, "runs": 12, "wickets": 1, "legalBalls": 13}},
                   "thisOver": {"1": "1"}, "fallOfWickets": {"1": {"runs": 8, "player": NAME, "overs": "1.4"}}}},
                 "result": {"result": "win", "winner": NAME, "method": NAME, "by": {"runs": 3}}}
                """.replace("NAME", name))));
        feed.delta(new Delta("table:demo-1", "h1", 1, 1, (ObjectNode) Json.tree("""
                {"status": "playing", "config": {"boot": 2, "potLimit": 100, "turnSeconds": 15},
                 "seats": {"1": {"playerId": NAME, "chips": 90}, "2": {"playerId": "p2", "chips": 80}},
                 "hand": {"number": 1, "pot": 12, "stake": 4, "dealer": 1,
                   "players": {"1": {"playerId": NAME, "status": NAME, "paid": 6, "cards": ["AH", "KS", "QD"], "rank": NAME},
                               "2": {"playerId": "p2", "status": "blind", "paid": 6}},
                   "awaiting": {"seat": 2, "deadline": "2099-01-01T00:00:00Z"},
                   "lastAction": {"playerId": NAME, "move": NAME, "amount": 4}}}
                """.replace("NAME", name))));
        browser.get(url("/#match=9990002"));
        Await.until("the hostile scorecard and table on the page", WAIT, () -> bool("""
                return !!document.querySelector('[data-match="9990002"] [data-innings] [data-batter]')
                  && !!document.querySelector('[data-table="demo-1"] [data-seat]');"""));
        browser.executeScript("document.querySelector('[data-table=\"demo-1\"] [data-seat=\"1\"]').click()");
        // a player id that is no channel name gets no token: the page says so, naming the player
        Await.until("the seat's own view on the page", WAIT, () -> bool(
                "return !!document.querySelector('[data-own-seat] p.muted')?.textContent.startsWith('no token for')"));

        JsonNode shown = json("""
                const card = document.querySelector('[data-match="9990002"]');
                const table = document.querySelector('[data-table="demo-1"]');
                const seat = table.querySelector('[data-seat="1"]');
                const text = (e) => e && e.textContent;
                return JSON.stringify({
                  images: document.querySelectorAll('img').length,
                  owned: window.__owned !== undefined,
                  title: text(card.querySelector('h3')),
                  meta: text(card.querySelector('.meta')),
                  result: text(card.querySelector('[data-field="result"]')),
                  winner: card.querySelector('[data-field="result"]').dataset.winner,
                  batter: text(card.querySelector('[data-batter="1"] [data-field="name"]')),
                  out: text(card.querySelector('[data-batter="1"] [data-field="out"]')),
                  bowler: card.querySelector('[data-bowler]').dataset.bowler,
                  wicket: text(card.querySelector('[data-wicket="1"]')),
                  tile: text(document.querySelector('[data-match-tile="9990002"] .team-name')),
                  player: seat.dataset.player,
                  seatTitle: seat.title,
                  seatName: seat.querySelector('.seat-player').firstChild.textContent,
                  seatState: text(seat.querySelector('.seat-state')),
                  lastAction: text(table.querySelector('[data-field="last-action"]')),
                  ownSeat: table.querySelector('[data-own-seat]').dataset.ownSeat,
                  ownHead: text(table.querySelector('.own-head b')),
                });""");
        assertThat(shown.path("images").asInt()).as("text stays text").isZero();
        assertThat(shown.path("owned").asBoolean()).isFalse();
        assertThat(shown.path("title").asText()).isEqualTo(HOSTILE + " v Tom & Jerry");
        assertThat(shown.path("meta").asText()).isEqualTo(HOSTILE + " · " + HOSTILE + " won the toss and chose to " + HOSTILE);
        assertThat(shown.path("result").asText()).isEqualTo(HOSTILE + " won by 3 runs (" + HOSTILE + ")");
        assertThat(shown.path("winner").asText()).as("an attribute keeps its quotes").isEqualTo(HOSTILE);
        assertThat(shown.path("batter").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("out").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("bowler").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("wicket").asText()).isEqualTo("8-1 " + HOSTILE + " (1.4 ov)");
        assertThat(shown.path("tile").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("player").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("seatTitle").asText()).isEqualTo("See " + HOSTILE + "'s own cards");
        assertThat(shown.path("seatName").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("seatState").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("lastAction").asText()).isEqualTo(HOSTILE + ": " + HOSTILE);
        assertThat(shown.path("ownSeat").asText()).isEqualTo(HOSTILE);
        assertThat(shown.path("ownHead").asText()).isEqualTo(HOSTILE);
        Chromium.screenshot(browser, "page-hostile-names.png");
    }
}
