package dev.scoreline.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates a message against one of the project's JSON Schemas (draft 2020-12), found on the
 * classpath at {@code /schemas/<name>.schema.json}; {@code $ref}s between them use their
 * {@code $id}s, {@code https://scoreline.dev/schemas/<file>}, resolved from the classpath.
 * Formats such as {@code date-time} are asserted, not just annotated.
 *
 * <p>A schema whose top level is a {@code oneOf} of kinds, each a {@code $ref} to a
 * {@code #/$defs/...} whose {@code type} member is a {@code const} (match events, table events, the
 * gateway's frames), is dispatched on the message's {@code type}: a known kind reports only its
 * own violations, and a missing or unknown {@code type} is one violation at {@code $.type}, rather
 * than the failures of every alternative that a plain {@code oneOf} gives.
 *
 * <p>Schemas are compiled once per name and shared; {@link #validate} is thread-safe.
 */
public final class MessageSchema {

    private static final String BASE_IRI = "https://scoreline.dev/schemas/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_QUOTED_VALUE = 80;

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_IRI, "classpath:schemas/")));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            // A schema may word a failure itself, as {"errorMessage": {"pattern": "is not a channel..."}},
            // where the keyword's own message would only quote a regular expression.
            .errorMessageKeyword("errorMessage")
            .regularExpressionFactory(EcmaEndAnchors.INSTANCE)
            .build();

    private static final Map<String, MessageSchema> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final JsonSchema whole;
    /** The kinds by their {@code type}, in the schema's order; empty when the schema has no kinds. */
    private final Map<String, JsonSchema> kinds;

    private MessageSchema(String name, JsonSchema whole, Map<String, JsonSchema> kinds) {
        this.name = name;
        this.whole = whole;
        this.kinds = kinds;
    }

    /**
     * The schema {@code classpath:/schemas/<name>.schema.json}, such as {@code match-event},
     * compiled on first use.
     *
     * @throws IllegalArgumentException when there is no such schema
     */
    public static MessageSchema named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a schema name: '" + name + "' (expected lower-case words joined by '-')");
        }
        return LOADED.computeIfAbsent(name, MessageSchema::load);
    }

    public String name() {
        return name;
    }

    /**
     * The ways {@code message} breaks the schema, ordered by path; empty when it is valid.
     */
    public List<Violation> validate(JsonNode message) {
        if (message == null || message.isMissingNode()) {
            return List.of(new Violation("$", "no message"));
        }
        if (kinds.isEmpty()) {
            return violations(whole.validate(message));
        }
        if (!message.isObject()) {
            return List.of(new Violation("$", "must be a JSON object, not " + describe(message)));
        }
        JsonNode type = message.get("type");
        if (type == null) {
            return List.of(new Violation("$.type", "is missing: expected one of " + kinds.keySet()));
        }
        JsonSchema kind = type.isTextual() ? kinds.get(type.textValue()) : null;
        if (kind == null) {
            return List.of(new Violation("$.type", "unknown type " + quote(type) + ": expected one of " + kinds.keySet()));
        }
        return violations(kind.validate(message));
    }

    /** The {@code type} values this schema dispatches on, empty for a schema of one shape. */
    public Set<String> kinds() {
        return kinds.keySet();
    }

    @Override
    public String toString() {
        return "MessageSchema[" + name + "]";
    }

    /**
     * One way a message breaks its schema.
     *
     * @param path a JSON path into the message, such as {@code $.runs.total} or
     *     {@code $.wickets[0].kind}: the value that is wrong, or for a member that is missing or
     *     not allowed, that member
     * @param message why, for a person
     */
    public record Violation(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private static MessageSchema load(String name) {
        String file = name + ".schema.json";
        JsonNode document;
        try (InputStream in = MessageSchema.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema named '" + name + "' (no classpath:/schemas/" + file + ")");
            }
            document = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:/schemas/" + file, e);
        }
        String iri = BASE_IRI + file;
        JsonSchema whole = compile(SchemaLocation.of(iri));
        Map<String, JsonSchema> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, String> kind : kindDefinitions(document).entrySet()) {
            kinds.put(kind.getKey(), compile(SchemaLocation.of(iri + "#/$defs/" + kind.getValue())));
        }
        return new MessageSchema(name, whole, Collections.unmodifiableMap(kinds));
    }

    private static JsonSchema compile(SchemaLocation location) {
        JsonSchema schema = FACTORY.getSchema(location, CONFIG);
        // Resolve every $ref now, so that validation neither loads nor races on first use.
        schema.initializeValidators();
        return schema;
    }

    /**
     * The kinds of a top-level {@code oneOf}: {@code type} constant to {@code $defs} name. Empty
     * unless every alternative is such a kind.
     */
    private static Map<String, String> kindDefinitions(JsonNode document) {
        JsonNode alternatives = document.path("oneOf");
        Map<String, String> kinds = new LinkedHashMap<>();
        for (JsonNode alternative : alternatives) {
            String ref = alternative.path("$ref").asText("");
            if (!ref.startsWith("#/$defs/")) {
                return Map.of();
            }
            String definition = ref.substring("#/$defs/".length());
            JsonNode type = document.path("$defs").path(definition).path("properties").path("type").path("const");
            if (!type.isTextual()) {
                return Map.of();
            }
            kinds.put(type.textValue(), definition);
        }
        return kinds;
    }

    private static List<Violation> violations(Set<ValidationMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            out.add(violation(m));
        }
        out.sort(Comparator.comparing(Violation::path).thenComparing(Violation::message));
        return List.copyOf(out);
    }

    private static Violation violation(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        return switch (m.getType()) {
            case "required" -> new Violation(member(m), "is required but missing");
            case "additionalProperties", "unevaluatedProperties" ->
                    new Violation(member(m), "is not a known member here (check its spelling)");
            case "format" -> new Violation(at, quote(m.getInstanceNode()) + " is not a valid " + m.getArguments()[0]
                    + ("date-time".equals(m.getArguments()[0])
                            ? " (RFC 3339 with an offset, such as 2017-04-05T14:31:07Z)"
                            : ""));
            case "enum", "const", "pattern" -> new Violation(at, quote(m.getInstanceNode()) + " " + reason(m, at));
            default -> new Violation(at, reason(m, at));
        };
    }

    /** Where a member that is missing or not allowed is (networknt reports its parent object). */
    private static String member(ValidationMessage m) {
        return m.getInstanceLocation().append(m.getProperty()).toString();
    }

    /** The message without the path networknt puts in front (its getError() cuts at the first colon instead). */
    private static String reason(ValidationMessage m, String at) {
        String message = m.getMessage();
        String prefix = at + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String quote(JsonNode value) {
        if (value == null) {
            return "the value";
        }
        String text = value.toString();
        return text.length() <= MAX_QUOTED_VALUE ? text : text.substring(0, MAX_QUOTED_VALUE) + "…";
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
