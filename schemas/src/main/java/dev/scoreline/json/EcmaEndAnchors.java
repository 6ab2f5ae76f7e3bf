package dev.scoreline.json;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Java regular expressions for JSON Schema's {@code pattern}, with ECMA-262's meaning of {@code $}.
 *
 * <p>JSON Schema patterns are ECMA-262, where {@code $} matches only at the end of the input; in
 * {@link Pattern} it also matches before a final line break, so {@code ^[a-z]+$} would accept
 * {@code "abc\n"}, and an id with a trailing newline would pass as a different Kafka key. Every
 * {@code $} outside a character class becomes {@code \z}; the rest of the syntax the schemas use
 * means the same in both.
 */
final class EcmaEndAnchors implements RegularExpressionFactory {

    static final EcmaEndAnchors INSTANCE = new EcmaEndAnchors();

    private EcmaEndAnchors() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(toJava(regex));
        return value -> pattern.matcher(value).find();
    }

    static String toJava(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                java.append(c);
            } else if (c == '[') {
                inClass = true;
                java.append(c);
            } else if (c == '$') {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
