package dev.scoreline.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;

/**
 * Plays the job's {@code scores} ticker in tests: version 1 brings a live chase and a finished
 * match, every later version one ball of the chase. The state at each version is known here
 * ({@link #state}), so a client's folded frames can be checked whole.
 */
public final class Ticker {

    public static final String CHANNEL = Channel.SCORES;
    public static final String LIVE = "1082591";
    public static final String DONE = "913653";

    private Ticker() {}

    /** The live side's score after version {@code v}: one run a ball. */
    public static String score(long v) {
        return (133 + v) + "/8";
    }

    /** The overs after version {@code v}: the chase starts at 17.2 and one ball a version. */
    public static String overs(long v) {
        long balls = 17 * 6 + 1 + v;
        return balls / 6 + "." + balls % 6;
    }

    public static ObjectNode patch(long v) {
        ObjectNode patch = Json.object();
        ObjectNode matches = patch.putObject("matches");
        ObjectNode live = matches.putObject(LIVE);
        if (v == 1) {
            live.putArray("teams").add("Sunrisers Hyderabad").add("Royal Challengers Bangalore");
            live.put("status", "live").put("batting", "Royal Challengers Bangalore").put("target", 208);
            ObjectNode done = matches.putObject(DONE);
            done.putArray("teams").add("England").add("Pakistan");
            done.put("status", "completed").put("batting", "England").put("score", "151/2").put("overs", "30.1")
                    .put("result", "England won by 44 runs (D/L)");
        }
        live.put("score", score(v)).put("overs", overs(v));
        return patch;
    }

    public static Delta delta(String epoch, long v) {
        return new Delta(CHANNEL, epoch, v, v, patch(v));
    }

    public static JsonNode state(long v) {
        JsonNode state = Json.object();
        for (long i = 1; i <= v; i++) {
            state = MergePatch.apply(state, patch(i));
        }
        return state;
    }

    /** Versions {@code from..to}, one delta each, as the job publishes them. */
    public static void publish(Feed feed, String epoch, long from, long to) {
        for (long v = from; v <= to; v++) {
            feed.delta(delta(epoch, v));
        }
    }
}
