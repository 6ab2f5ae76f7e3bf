package dev.scoreline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How an option's text becomes a value, what it expects (for errors and help) and how a value is
 * shown again (for defaults in help).
 *
 * @param expected what a good value looks like, to finish "--name takes …"
 * @param metavar the placeholder in help, {@code N}, {@code DURATION}
 * @param read text to value; throws {@link Mismatch} for "takes …, not '…'", or an
 *     {@link IllegalArgumentException} whose message is shown after "--name: "
 * @param show value to the text that reads back as it
 */
public record ValueType<T>(String expected, String metavar, Function<String, T> read, Function<T, String> show) {

    public T parse(String text) {
        return read.apply(text);
    }

    public String format(T value) {
        return show.apply(value);
    }

    /** The same type under another placeholder. */
    public ValueType<T> metavar(String name) {
        return new ValueType<>(expected, name, read, show);
    }

    /** A value that is not of the expected form; the option's name and the expectation are added. */
    static final class Mismatch extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String text;
        final String expected;

        Mismatch(String text, String expected) {
            super("takes " + expected + ", not '" + text + "'");
            this.text = text;
            this.expected = expected;
        }
    }

    /** Any text, as given. */
    public static ValueType<String> text(String metavar) {
        return new ValueType<>("a value", metavar, t -> t, t -> t);
    }

    /**
     * A type of its own: {@code read} throws an {@link IllegalArgumentException} whose message says
     * what is wrong.
     */
    public static <T> ValueType<T> of(String expected, String metavar, Function<String, T> read, Function<T, String> show) {
        return new ValueType<>(expected, metavar, read, show);
    }

    public static ValueType<Path> path(String metavar) {
        return new ValueType<>("a path", metavar, Path::of, Path::toString);
    }

    /** Any whole number. */
    public static ValueType<Integer> integer() {
        return integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole number of at least 1. */
    public static ValueType<Integer> positive() {
        return integer(1, Integer.MAX_VALUE);
    }

    public static ValueType<Integer> integer(int min, int max) {
        String expected = min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? "a whole number"
                : min == 1 && max == Integer.MAX_VALUE ? "a positive whole number"
                : max == Integer.MAX_VALUE ? "a whole number of at least " + min
                : "a whole number from " + min + " to " + max;
        return new ValueType<>(expected, "N", t -> {
            try {
                int n = Integer.parseInt(t.strip());
                if (n < min || n > max) {
                    throw new Mismatch(t, expected);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new Mismatch(t, expected);
            }
        }, String::valueOf);
    }

    /** A whole number that may be written {@code 10k} (10000) or {@code 10_000}, for counts and rates. */
    public static ValueType<Integer> count() {
        String expected = "a whole number (10k = 10000)";
        return new ValueType<>(expected, "N", t -> {
            String digits = t.strip().replace("_", "");
            boolean thousands = digits.endsWith("k");
            try {
                long n = Long.parseLong(thousands ? digits.substring(0, digits.length() - 1) : digits);
                long value = thousands ? n * 1000 : n;
                if (value < 0 || value > Integer.MAX_VALUE) {
                    throw new Mismatch(t, expected);
                }
                return (int) value;
            } catch (NumberFormatException e) {
                throw new Mismatch(t, expected);
            }
        }, n -> n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n));
    }

    public static ValueType<Double> decimal(double min, double max) {
        String expected = "a number from " + plain(min) + " to " + plain(max);
        return new ValueType<>(expected, "X", t -> {
            try {
                double n = Double.parseDouble(t.strip());
                if (!(n >= min && n <= max)) {
                    throw new Mismatch(t, expected);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new Mismatch(t, expected);
            }
        }, ValueType::plain);
    }

    private static String plain(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? String.valueOf((long) n) : String.valueOf(n);
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-z]*)");

    private static final Map<String, ChronoUnit> UNITS = new LinkedHashMap<>();

    static {
        for (String u : List.of("ms", "milli", "millis", "millisecond", "milliseconds")) {
            UNITS.put(u, ChronoUnit.MILLIS);
        }
        for (String u : List.of("s", "sec", "secs", "second", "seconds")) {
            UNITS.put(u, ChronoUnit.SECONDS);
        }
        for (String u : List.of("m", "min", "mins", "minute", "minutes")) {
            UNITS.put(u, ChronoUnit.MINUTES);
        }
        for (String u : List.of("h", "hour", "hours")) {
            UNITS.put(u, ChronoUnit.HOURS);
        }
        for (String u : List.of("d", "day", "days")) {
            UNITS.put(u, ChronoUnit.DAYS);
        }
    }

    /**
     * A duration: a whole number and a unit (ms, s, m or min, h, d, or their words).
     *
     * @param bare the unit of a number written without one
     */
    public static ValueType<Duration> duration(ChronoUnit bare) {
        String expected = "a duration such as 500ms, 20s, 5min or 24h";
        return new ValueType<>(expected, "DURATION", t -> {
            Matcher m = DURATION.matcher(t.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new Mismatch(t, expected);
            }
            ChronoUnit unit = m.group(2).isEmpty() ? bare : UNITS.get(m.group(2));
            if (unit == null) {
                throw new Mismatch(t, expected);
            }
            try {
                return Duration.of(Long.parseLong(m.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new Mismatch(t, expected);
            }
        }, ValueType::duration);
    }

    /** The shortest way to write a duration that reads back as it. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(?:i?b)?");

    /** A number of bytes, or of KiB, MiB, GiB with k, m, g (64k, 1m, 1mib). */
    public static ValueType<Long> size() {
        String expected = "a size (4096, 64k, 1m)";
        return new ValueType<>(expected, "SIZE", t -> {
            Matcher m = SIZE.matcher(t.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new Mismatch(t, expected);
            }
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "k" -> Math.multiplyExact(n, 1024L);
                    case "m" -> Math.multiplyExact(n, 1024L * 1024);
                    case "g" -> Math.multiplyExact(n, 1024L * 1024 * 1024);
                    default -> n;
                };
            } catch (ArithmeticException | NumberFormatException e) {
                throw new Mismatch(t, expected);
            }
        }, ValueType::size);
    }

    static String size(long bytes) {
        for (String unit : List.of("g", "m", "k")) {
            long scale = switch (unit) {
                case "g" -> 1024L * 1024 * 1024;
                case "m" -> 1024L * 1024;
                default -> 1024L;
            };
            if (bytes != 0 && bytes % scale == 0) {
                return bytes / scale + unit;
            }
        }
        return String.valueOf(bytes);
    }

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\s:,\\[\\]]+):(\\d{1,5})");

    /** {@code HOST:PORT[,HOST:PORT…]}, kept as written (Kafka's bootstrap form). */
    public static ValueType<String> hostPorts() {
        String expected = "HOST:PORT, or several separated by commas";
        return new ValueType<>(expected, "HOST:PORT", t -> {
            for (String one : t.split(",", -1)) {
                Matcher m = HOST_PORT.matcher(one.strip());
                if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
                    throw new Mismatch(t, expected);
                }
            }
            return t.strip();
        }, t -> t);
    }

    /** One of some words, as a word. */
    public static ValueType<String> oneOf(String... names) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String name : names) {
            choices.put(name, name);
        }
        return choice(choices);
    }

    /**
     * One of an enum's constants, written in lower case with dashes ({@code AT_LEAST_ONCE} is
     * {@code at-least-once}); only {@code allowed} when any are named.
     */
    @SafeVarargs
    public static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type, E... allowed) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E e : allowed.length == 0 ? type.getEnumConstants() : allowed) {
            choices.put(word(e), e);
        }
        return choice(choices);
    }

    /** How an enum constant is written on a command line. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> ValueType<T> choice(Map<String, T> choices) {
        String expected = "one of " + String.join(", ", choices.keySet());
        Map<T, String> names = new LinkedHashMap<>();
        choices.forEach((k, v) -> names.put(v, k));
        return new ValueType<>(expected, String.join("|", choices.keySet()), t -> {
            T value = choices.get(t.strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new Mismatch(t, expected);
            }
            return value;
        }, names::get);
    }

    /** Values separated by commas; blanks around them and empty ones are dropped. */
    public static <E> ValueType<List<E>> list(ValueType<E> element) {
        String expected = element.expected() + ", separated by commas";
        return new ValueType<>(expected, element.metavar() + "[,…]", t -> {
            List<E> values = new ArrayList<>();
            for (String one : t.split(",")) {
                if (!one.isBlank()) {
                    values.add(element.parse(one.strip()));
                }
            }
            return List.copyOf(values);
        }, values -> values.stream().map(element::format).collect(Collectors.joining(",")));
    }

    /** {@code KEY=VALUE}. */
    public static ValueType<Map.Entry<String, String>> keyValue() {
        String expected = "KEY=VALUE";
        return new ValueType<>(expected, "KEY=VALUE", t -> {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new Mismatch(t, expected);
            }
            return Map.entry(t.substring(0, eq), t.substring(eq + 1));
        }, e -> e.getKey() + "=" + e.getValue());
    }
}
