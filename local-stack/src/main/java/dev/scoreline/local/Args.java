package dev.scoreline.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subcommand's arguments: {@code --name value} options, {@code --flag}s and positional words.
 * Anything not declared is an error that names it.
 */
final class Args {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {}

    static Args parse(String[] args, Set<String> valued, Set<String> flags) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    parsed.put(name.substring(0, eq), name.substring(eq + 1), valued);
                } else if (flags.contains(name)) {
                    parsed.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    parsed.options.put(name, args[++i]);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                parsed.positional.add(word);
            }
        }
        return parsed;
    }

    private void put(String name, String value, Set<String> valued) {
        if (!valued.contains(name)) {
            throw new UsageException("unknown option --" + name);
        }
        options.put(name, value);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number from " + min + " to " + max + ", not '" + value + "'");
        }
    }

    double decimal(String name, double fallback, double min, double max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed >= min && parsed <= max)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number from " + min + " to " + max + ", not '" + value + "'");
        }
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    /** A mistake in how a command was called: printed with the command's usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
