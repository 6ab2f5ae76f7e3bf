package dev.scoreline.gateway.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ClientMessage;

/**
 * Reads the client's text frames into {@link ClientMessage}s, with a reason for every one that is
 * not a valid message. Done by hand rather than by Jackson's polymorphic binding so that each
 * rejection says exactly what is wrong; unknown members are ignored, as everywhere in the project.
 */
public final class ClientFrames {

    private ClientFrames() {}

    /** A frame read: either a message or the reason it is not one. */
    public sealed interface Parsed {}

    public record Message(ClientMessage message) implements Parsed {}

    /**
     * @param channel the (valid) channel the frame named, so that the error can name it; else null
     * @param actionId the (valid) id of a malformed {@code act}, so that the error can answer it; else null
     */
    public record Malformed(String reason, String channel, String actionId) implements Parsed {
        public Malformed(String reason, String channel) {
            this(reason, channel, null);
        }
    }

    public static Parsed parse(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Malformed("not JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            return new Malformed("a message is a JSON object with a \"type\"", null);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return new Malformed("\"type\" is missing or not a string (subscribe, unsubscribe, act or ping)", null);
        }
        return switch (type.asText()) {
            case "subscribe" -> subscribe(node);
            case "unsubscribe" -> unsubscribe(node);
            case "ping" -> new Message(new ClientMessage.Ping());
            case "act" -> act(node);
            default -> new Malformed("unknown type '" + abbreviate(type.asText())
                    + "' (subscribe, unsubscribe, act or ping)", null);
        };
    }

    private static Parsed subscribe(JsonNode node) {
        JsonNode channelNode = node.get("channel");
        String invalid = checkChannel(channelNode);
        if (invalid != null) {
            return new Malformed(invalid, null);
        }
        String channel = channelNode.asText();
        ClientMessage.Position since = null;
        JsonNode sinceNode = node.get("since");
        if (sinceNode != null && !sinceNode.isNull()) {
            if (!sinceNode.isObject()) {
                return new Malformed("\"since\" must be an object {\"epoch\": \"…\", \"version\": n}", channel);
            }
            JsonNode epoch = sinceNode.get("epoch");
            JsonNode version = sinceNode.get("version");
            if (epoch == null || !epoch.isTextual() || epoch.asText().isEmpty()) {
                return new Malformed("\"since.epoch\" must be a non-empty string", channel);
            }
            if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
                return new Malformed("\"since.version\" must be a whole number >= 0", channel);
            }
            since = new ClientMessage.Position(epoch.asText(), version.asLong());
        }
        String token = null;
        JsonNode tokenNode = node.get("token");
        if (tokenNode != null && !tokenNode.isNull()) {
            if (!tokenNode.isTextual() || tokenNode.asText().isEmpty()) {
                return new Malformed("\"token\" must be a non-empty string", channel);
            }
            token = tokenNode.asText();
        }
        return new Message(new ClientMessage.Subscribe(channel, since, token));
    }

    private static Parsed act(JsonNode node) {
        JsonNode idNode = node.get("id");
        JsonNode channelNode = node.get("channel");
        String invalidChannel = checkChannel(channelNode);
        String channel = invalidChannel == null ? channelNode.asText() : null;
        if (idNode == null || !idNode.isTextual() || !Actions.isActionId(idNode.asText())) {
            return new Malformed("\"id\" must be " + Actions.ACTION_ID_RULE, channel);
        }
        String id = idNode.asText();
        if (invalidChannel != null) {
            return new Malformed(invalidChannel, null, id);
        }
        JsonNode action = node.get("action");
        if (!(action instanceof ObjectNode fields)) {
            return new Malformed("\"action\" must be an object with a \"type\"", channel, id);
        }
        JsonNode tokenNode = node.get("token");
        String token = null;
        if (tokenNode != null && !tokenNode.isNull()) {
            if (!tokenNode.isTextual() || tokenNode.asText().isEmpty()) {
                return new Malformed("\"token\" must be a non-empty string", channel, id);
            }
            token = tokenNode.asText();
        }
        return new Message(new ClientMessage.Act(id, channel, fields, token));
    }

    private static Parsed unsubscribe(JsonNode node) {
        JsonNode channelNode = node.get("channel");
        String invalid = checkChannel(channelNode);
        if (invalid != null) {
            return new Malformed(invalid, null);
        }
        return new Message(new ClientMessage.Unsubscribe(channelNode.asText()));
    }

    /** @return why this is not a channel name, or null when it is one */
    private static String checkChannel(JsonNode channel) {
        if (channel == null || !channel.isTextual()) {
            return "\"channel\" is missing or not a string";
        }
        try {
            Channel.parse(channel.asText());
            return null;
        } catch (IllegalArgumentException e) {
            return abbreviate(e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
