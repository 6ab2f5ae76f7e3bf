package dev.scoreline.gateway.fanout;

import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.auth.Access;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.wire.ClientMessage.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channels every new connection follows without asking ({@code --auto-subscribe}), such as the
 * {@code scores} ticker, and where a reconnecting client resumes them from.
 *
 * <p>A WebSocket client names what it holds on the upgrade request, {@code ?since=<channel>:<epoch>:<version>}
 * (repeatable), because the gateway subscribes it before it can send a message. The channel name is
 * everything before the last two colons: epochs hold no colon (common.schema.json), channel names may.
 * Each auto-subscription then starts exactly as a client's {@code subscribe} with that {@code since}
 * would: the missing deltas from the ring, or a snapshot when the ring does not reach back, or, while
 * the channel has no state yet, its first state when it comes.
 */
public final class AutoSubscriptions {

    /**
     * A {@code since} value that is not used, and why: {@code code} {@value #NOT_AUTO_SUBSCRIBED}
     * for a channel this gateway does not subscribe connections to (a client that took it for one
     * subscribes to it itself), else {@code bad-request}; {@code channel} null when none could be read.
     */
    public record Problem(String code, String channel, String message) {}

    private static final String NOT_AUTO_SUBSCRIBED = "not-auto-subscribed";
    private static final String BAD_REQUEST = "bad-request";

    /** Where each auto-subscribed channel starts, and the {@code since} values that could not be used. */
    public record Start(Map<String, Position> since, List<Problem> problems) {
        public Start {
            since = Map.copyOf(since);
            problems = List.copyOf(problems);
        }
    }

    private final List<String> channels;

    private AutoSubscriptions(List<String> channels) {
        this.channels = List.copyOf(channels);
    }

    /**
     * @param names channel names, each once
     * @throws IllegalArgumentException naming the channel that is not one, or not public (a
     *     connection is subscribed before it could show a token)
     */
    public static AutoSubscriptions of(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            Channel channel = Channel.parse(name);
            Access.Decision anonymous = Access.check(channel, new Grant.Anonymous(), Instant.EPOCH);
            if (!anonymous.allowed()) {
                throw new IllegalArgumentException(name + " is not a public channel (" + anonymous.reason()
                        + "); only match:<id> and " + Channel.SCORES + " can be auto-subscribed");
            }
            if (!out.add(channel.name())) {
                throw new IllegalArgumentException(name + " is named twice");
            }
        }
        return new AutoSubscriptions(new ArrayList<>(out));
    }

    public List<String> channels() {
        return channels;
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    public boolean contains(String channel) {
        return channels.contains(channel);
    }

    /**
     * Reads the upgrade's {@code since} values. A value that does not parse, names a channel that is
     * not auto-subscribed, or repeats a channel is a problem: that channel (if any) starts with a
     * snapshot, and the client is told.
     */
    public Start start(List<String> sinceValues) {
        Map<String, Position> since = new HashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (String value : sinceValues) {
            int versionColon = value.lastIndexOf(':');
            int epochColon = versionColon <= 0 ? -1 : value.lastIndexOf(':', versionColon - 1);
            if (epochColon <= 0 || versionColon == epochColon + 1) {
                problems.add(new Problem(BAD_REQUEST, null, "since '" + clip(value) + "' is not <channel>:<epoch>:<version>"));
                continue;
            }
            String channel = value.substring(0, epochColon);
            if (!contains(channel)) {
                problems.add(new Problem(isChannel(channel) ? NOT_AUTO_SUBSCRIBED : BAD_REQUEST,
                        isChannel(channel) ? channel : null, "since names '" + clip(channel) + "', which this gateway"
                        + " does not subscribe connections to (it does " + channels + "); resume other channels"
                        + " with a subscribe message and its since"));
                continue;
            }
            long version;
            try {
                version = Long.parseLong(value.substring(versionColon + 1));
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < 0) {
                problems.add(new Problem(BAD_REQUEST, channel, "since for " + channel + ": the version must be a whole number >= 0, got '"
                        + clip(value.substring(versionColon + 1)) + "'; starting from a snapshot"));
                continue;
            }
            if (since.put(channel, new Position(value.substring(epochColon + 1, versionColon), version)) != null) {
                repeated.add(channel);
            }
        }
        for (String channel : repeated) {
            since.remove(channel);
            problems.add(new Problem(BAD_REQUEST, channel, "since names " + channel + " more than once; starting from a snapshot"));
        }
        return new Start(since, problems);
    }

    /** Subscribes a new connection to every auto-subscribed channel, each from where {@code since} says. */
    public void subscribe(Connection connection, Hubs hubs, Map<String, Position> since) {
        for (String channel : channels) {
            hubs.subscribe(connection, channel, since.get(channel));
        }
    }

    private static boolean isChannel(String name) {
        try {
            Channel.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
