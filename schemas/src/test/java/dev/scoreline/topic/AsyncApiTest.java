package dev.scoreline.topic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scoreline.json.Json;
import dev.scoreline.json.MessageSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * asyncapi.yaml, the document analysts and app developers read, agrees with the code: it parses,
 * every {@code $ref} leads somewhere, the topics carry the settings {@link Topic} creates them
 * with, and its example payloads are valid messages.
 */
class AsyncApiTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        // A YAML reader only for this document; messages go through Json.MAPPER.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = AsyncApiTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("classpath:/asyncapi.yaml").isNotNull();
            doc = yaml.readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithTheGatewayEndpoints() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(addresses()).contains("/ws", "/sse", "/v1/channels/{channel}");
    }

    @Test
    void everyReferenceWithinTheDocumentResolves() {
        for (String ref : refs(doc)) {
            if (ref.startsWith("#")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }
    }

    @Test
    void everyReferenceToASchemaFileLeadsToAnExistingDefinition() throws IOException {
        Map<String, JsonNode> files = new HashMap<>();
        List<String> external = refs(doc).stream().filter(r -> !r.startsWith("#")).toList();
        assertThat(external).isNotEmpty();
        for (String ref : external) {
            String file = ref.replaceFirst("^\\./", "").replaceFirst("#.*$", "");
            String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            assertThat(file).as(ref).startsWith("schemas/").endsWith(".schema.json");
            JsonNode schema = files.computeIfAbsent(file, AsyncApiTest::resource);
            assertThat(schema).as("%s: no file %s", ref, file).isNotNull();
            assertThat(schema.at(fragment).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void operationsUseTheMessagesOfTheirOwnChannel() {
        doc.path("operations").properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            assertThat(op.path("action").asText()).as(operation.getKey()).isIn("send", "receive");
            String channel = op.path("channel").path("$ref").asText();
            assertThat(channel).as(operation.getKey()).startsWith("#/channels/");
            for (JsonNode message : op.path("messages")) {
                assertThat(message.path("$ref").asText()).as(operation.getKey()).startsWith(channel + "/messages/");
            }
        });
    }

    @Test
    void everyTopicIsDescribedWithTheSettingsItIsCreatedWith() {
        for (Topic topic : Topic.values()) {
            JsonNode channel = channelAt(topic.defaultName());
            assertThat(channel).as("a channel with address %s", topic.defaultName()).isNotNull();
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asText()).isEqualTo(topic.defaultName());

            Map<String, String> documented = new HashMap<>();
            kafka.path("topicConfiguration").properties().forEach(setting -> documented.put(setting.getKey(),
                    setting.getKey().equals("cleanup.policy")
                            ? joined(setting.getValue())
                            : setting.getValue().asText()));
            assertThat(documented).as(topic.defaultName()).isEqualTo(topic.config());
        }
    }

    @Test
    void everyExamplePayloadIsAValidMessageOfItsKind() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> entry : doc.path("components").path("messages").properties()) {
            JsonNode message = entry.getValue();
            String ref = message.path("payload").path("schema").path("$ref").asText();
            for (JsonNode example : message.path("examples")) {
                String file = ref.replaceFirst("^\\./schemas/", "").replaceFirst("#.*$", "");
                MessageSchema schema = MessageSchema.named(file.replace(".schema.json", ""));
                JsonNode payload = Json.tree(example.path("payload").toString());

                assertThat(schema.validate(payload)).as(entry.getKey() + "/" + example.path("name").asText()).isEmpty();
                if (ref.contains("#/$defs/")) {
                    String kind = resource("schemas/" + file).at(ref.substring(ref.indexOf('#') + 1))
                            .path("properties").path("type").path("const").asText();
                    assertThat(payload.path("type").asText()).as(entry.getKey()).isEqualTo(kind);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    /** The binding writes cleanup.policy as a list, Kafka as a comma-separated string. */
    private static String joined(JsonNode policies) {
        List<String> values = new ArrayList<>();
        policies.forEach(p -> values.add(p.asText()));
        return String.join(",", values);
    }

    private static JsonNode channelAt(String address) {
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        return null;
    }

    private static Set<String> addresses() {
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        return addresses;
    }

    private static List<String> refs(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectRefs(node, found);
        return found;
    }

    private static void collectRefs(JsonNode node, List<String> found) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            found.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, found));
    }

    /** A file beside asyncapi.yaml on the classpath, or null when there is none. */
    private static JsonNode resource(String path) {
        try (InputStream in = AsyncApiTest.class.getResourceAsStream("/" + path)) {
            return in == null ? null : Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
