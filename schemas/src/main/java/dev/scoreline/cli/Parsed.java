package dev.scoreline.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What a command was given: each option's value (or its default), the positional words. */
public final class Parsed {

    private final Options spec;
    private final Map<Option<?>, Object> values;
    private final Map<Option<?>, List<String>> texts;
    private final List<String> positional;
    private final List<String> warnings;
    private final List<String> passed;
    private final boolean help;

    Parsed(Options spec, Map<Option<?>, Object> values, Map<Option<?>, List<String>> texts, List<String> positional,
            List<String> warnings, List<String> passed, boolean help) {
        this.spec = spec;
        this.values = Map.copyOf(values);
        this.texts = Map.copyOf(texts);
        this.positional = List.copyOf(positional);
        this.warnings = List.copyOf(warnings);
        this.passed = List.copyOf(passed);
        this.help = help;
    }

    /** The option's value: as given, else its default, else null. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        known(option);
        return values.containsKey(option) ? (T) values.get(option) : option.defaultValue();
    }

    /** True when the option was on the command line. */
    public boolean has(Option<?> option) {
        known(option);
        return values.containsKey(option);
    }

    public List<String> positional() {
        return positional;
    }

    /** True when {@code --help} or {@code -h} was given; nothing else was then read. */
    public boolean helpRequested() {
        return help;
    }

    /** The options handed on, as given (see {@link Options#passingOthersTo}). */
    public List<String> passed() {
        return passed;
    }

    /** One line for each deprecated name used. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The given ones among {@code these}, written again as {@code --name value} under their current
     * names, for a command that hands them on to another program.
     */
    public List<String> args(Collection<? extends Option<?>> these) {
        List<String> out = new ArrayList<>();
        for (Option<?> o : spec.options()) {
            if (these.contains(o) && texts.containsKey(o)) {
                for (String text : texts.get(o)) {
                    out.add("--" + o.name());
                    if (!o.isFlag()) {
                        out.add(text);
                    }
                }
            }
        }
        return out;
    }

    private void known(Option<?> option) {
        if (!spec.options().contains(option)) {
            throw new IllegalStateException(option + " is not an option of " + spec.command());
        }
    }
}
