package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's client, in Debian's headless Chromium, sent on by a gateway that does not serve its
 * player: closed with 4307, it asks {@code GET /v1/route} and follows its wallet at the gateway
 * that does.
 */
class ShardsInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    @Test
    void theClientFollowsItsPlayerToTheGatewayServingThem() {
        Chromium.assumeInstalled();
        Broker.Topics topics = Broker.topics(4);
        List<EdgeGateway> gateways = new ArrayList<>();
        ChromeDriver browser = null;
        try (Feed feed = new Feed(topics)) {
            gateways.add(Gateways.start(topics));
            gateways.add(Gateways.start(topics));
            List<String> players = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                players.add("bp" + i);
                feed.snapshot("player:bp" + i, "e1", 1);
            }
            EdgeGateway other = gateways.get(0);
            String player = Await.value("a player served by the second gateway", WAIT, () -> players.stream()
                    .filter(p -> {
                        var r = Http.get(other.port(), "/v1/route", "Authorization", "Bearer " + token(p));
                        return r.statusCode() == 200
                                && Http.json(r).path("gateway").asText().equals(gateways.get(1).advertisedUrl());
                    }).findFirst().orElse(null));

            browser = Chromium.start(temp.resolve("chromium-profile"), 800, 600);
            browser.get("http://127.0.0.1:" + other.port() + "/");
            String out = (String) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const [port, token, channel] = [arguments[0], arguments[1], arguments[2]];
                    import('/static/scoreline-client.js').then(({ ScorelineClient }) => {
                      const closes = [];
                      const client = new ScorelineClient(`ws://127.0.0.1:${port}/ws`, {
                        token, initialDelayMs: 50, maxDelayMs: 200,
                        onConnection: (state, info) => { if (info.closeCode) closes.push(info.closeCode); },
                      });
                      const timer = setTimeout(() => done(JSON.stringify({ closes, state: null })), 20000);
                      client.subscribe(channel, {
                        onState: (state, change) => {
                          clearTimeout(timer);
                          client.close();
                          done(JSON.stringify({ closes, state, version: change.version }));
                        },
                      });
                    });
                    """, other.port(), token(player), "player:" + player);
            JsonNode result = Json.tree(out);
            assertThat(result.path("closes").toString()).as("moved by the gateway asked first").contains("4307");
            assertThat(result.path("version").asLong()).as("the wallet's snapshot, from the gateway serving it: " + out)
                    .isEqualTo(1);
            assertThat(result.path("state").path("last").asInt()).isEqualTo(1);
        } finally {
            if (browser != null) {
                browser.quit();
            }
            gateways.forEach(EdgeGateway::close);
        }
    }

    private static String token(String player) {
        return Tokens.issuePlayer(Gateways.SECRET, player, null);
    }
}
