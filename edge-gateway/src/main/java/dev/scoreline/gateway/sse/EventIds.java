package dev.scoreline.gateway.sse;

import dev.scoreline.wire.ClientMessage.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code id:} of the Server-Sent Events, which a reconnecting client sends back as
 * {@code Last-Event-ID} to resume.
 *
 * <p>A stream of one channel uses {@code <epoch>:<version>}, as docs/protocol.md ("Server-Sent
 * Events") says. A stream of several channels needs every channel's position in one id (the
 * client sends back only the last id it saw), so there the id is
 * {@code <channel>=<epoch>:<version>} for each channel that has had an event, separated by spaces:
 * {@code match:1=e7:42 match:2=e9:17}. Neither channel names nor epochs (see common.schema.json)
 * hold a space, a {@code =} or a {@code :} of their own, so the id splits unambiguously.
 */
final class EventIds {

    private EventIds() {}

    static String single(String epoch, long version) {
        return epoch + ":" + version;
    }

    /** @param positions each channel's {@code <epoch>:<version>}, in the stream's channel order */
    static String multi(Map<String, String> positions) {
        StringBuilder id = new StringBuilder();
        for (Map.Entry<String, String> p : positions.entrySet()) {
            if (!id.isEmpty()) {
                id.append(' ');
            }
            id.append(p.getKey()).append('=').append(p.getValue());
        }
        return id.toString();
    }

    /**
     * Where each channel of a stream resumes from. Anything that does not parse, or names channels
     * the stream does not have, is ignored: those channels start with a snapshot.
     */
    static Map<String, Position> parse(String lastEventId, List<String> channels) {
        Map<String, Position> out = new HashMap<>();
        if (lastEventId == null || lastEventId.isBlank()) {
            return out;
        }
        if (!lastEventId.contains("=")) {
            Position p = position(lastEventId.strip());
            if (p != null && channels.size() == 1) {
                out.put(channels.get(0), p);
            }
            return out;
        }
        for (String part : lastEventId.strip().split(" +")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String channel = part.substring(0, eq);
            Position p = position(part.substring(eq + 1));
            if (p != null && channels.contains(channel)) {
                out.put(channel, p);
            }
        }
        return out;
    }

    private static Position position(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return null;
        }
        try {
            long version = Long.parseLong(s.substring(colon + 1));
            return version < 0 ? null : new Position(s.substring(0, colon), version);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
