package dev.scoreline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One command-line option: its name, the type of its value, its default, its help. Immutable:
 * each method returns a changed copy, so options are declared as constants and shared between
 * the commands that take them.
 *
 * <pre>{@code
 * static final Option<Integer> PORT = Option.of("port", ValueType.integer(0, 65535)).byDefault(8080)
 *         .help("HTTP port, 0 for a free one");
 * }</pre>
 */
public final class Option<T> {

    /** How each occurrence on the command line changes the value so far. */
    interface Fold<T> {
        T apply(T before, String text);
    }

    private final String name;
    private final String metavar;
    private final String expected;
    private final Fold<T> fold;
    private final Function<T, String> show;
    private final boolean flag;
    private final boolean repeatable;
    private final T defaultValue;
    private final String defaultText;
    private final boolean required;
    private final String help;
    private final List<String> aliases;

    private Option(String name, String metavar, String expected, Fold<T> fold, Function<T, String> show,
            boolean flag, boolean repeatable, T defaultValue, String defaultText, boolean required, String help,
            List<String> aliases) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("an option's name is lower case words joined by dashes: " + name);
        }
        this.name = name;
        this.metavar = metavar;
        this.expected = expected;
        this.fold = fold;
        this.show = show;
        this.flag = flag;
        this.repeatable = repeatable;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.required = required;
        this.help = help;
        this.aliases = List.copyOf(aliases);
    }

    /** An option that takes one value; given twice, the last one counts. */
    public static <T> Option<T> of(String name, ValueType<T> type) {
        return new Option<>(name, type.metavar(), type.expected(), (before, text) -> type.parse(text), type::format,
                false, false, null, null, false, "", List.of());
    }

    /** {@code --name TEXT}. */
    public static Option<String> text(String name, String metavar) {
        return of(name, ValueType.text(metavar));
    }

    /** {@code --name}, no value: true when given. */
    public static Option<Boolean> flag(String name) {
        return new Option<>(name, "", "no value", (before, text) -> true, String::valueOf, true, false, false, null,
                false, "", List.of());
    }

    /** An option that may be given several times, each value kept in order. */
    public static <E> Option<List<E>> repeatable(String name, ValueType<E> element) {
        return new Option<>(name, element.metavar(), element.expected(), (before, text) -> {
            List<E> values = new ArrayList<>(before);
            values.add(element.parse(text));
            return List.copyOf(values);
        }, values -> String.join(" ", values.stream().map(element::format).toList()), false, true, List.of(), null,
                false, "", List.of());
    }

    public Option<T> byDefault(T value) {
        return new Option<>(name, metavar, expected, fold, show, flag, repeatable, Objects.requireNonNull(value), defaultText,
                required, help, aliases);
    }

    /** What happens without the option when there is no default value ("the cluster's"). */
    public Option<T> defaultText(String text) {
        return new Option<>(name, metavar, expected, fold, show, flag, repeatable, defaultValue, text, required, help,
                aliases);
    }

    public Option<T> required() {
        return new Option<>(name, metavar, expected, fold, show, flag, repeatable, defaultValue, defaultText, true, help,
                aliases);
    }

    public Option<T> help(String text) {
        return new Option<>(name, metavar, expected, fold, show, flag, repeatable, defaultValue, defaultText, required,
                text, aliases);
    }

    public Option<T> metavar(String text) {
        return new Option<>(name, text, expected, fold, show, flag, repeatable, defaultValue, defaultText, required, help,
                aliases);
    }

    /** An old name still read, with a warning, for scripts written before the rename. */
    public Option<T> deprecatedAlias(String old) {
        List<String> more = new ArrayList<>(aliases);
        more.add(old);
        return new Option<>(name, metavar, expected, fold, show, flag, repeatable, defaultValue, defaultText, required,
                help, more);
    }

    public String name() {
        return name;
    }

    public String metavar() {
        return metavar;
    }

    public boolean isFlag() {
        return flag;
    }

    public boolean isRepeatable() {
        return repeatable;
    }

    public boolean isRequired() {
        return required;
    }

    public String help() {
        return help;
    }

    public List<String> deprecatedAliases() {
        return aliases;
    }

    /** The value without the option: the default, or null when there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as help shows it, or null when there is nothing to say. */
    public String defaultDescription() {
        if (defaultText != null) {
            return defaultText;
        }
        if (flag || defaultValue == null || (repeatable && ((List<?>) defaultValue).isEmpty())) {
            return null;
        }
        return show.apply(defaultValue);
    }

    /** {@code --name METAVAR}, as usage lines show the option. */
    public String synopsis() {
        return "--" + name + (flag ? "" : " " + metavar);
    }

    T fold(T before, String text) {
        try {
            return fold.apply(before, text);
        } catch (ValueType.Mismatch e) {
            throw new UsageException("--" + name + " takes " + e.expected + ", not '" + e.text + "'");
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    String expected() {
        return expected;
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
