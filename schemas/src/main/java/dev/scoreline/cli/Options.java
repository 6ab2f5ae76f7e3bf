package dev.scoreline.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options: parses its arguments and writes its help and its reference page from the
 * same definitions. Accepted: {@code --name value}, {@code --name=value}, {@code --flag}, repeated
 * options, positional words (when the command declares them), {@code --} before positional words
 * that start with a dash, and {@code --help} or {@code -h} anywhere.
 *
 * <pre>{@code
 * static final Options OPTIONS = Options.command("./scoreline kafka", "A single-node Kafka broker.")
 *         .with(PORT, DIR);
 * Parsed args = OPTIONS.parse(argv);   // throws UsageException naming the option
 * int port = args.get(PORT);
 * }</pre>
 */
public final class Options {

    private static final int WIDTH = 100;

    private final String command;
    private final String description;
    private final List<Option<?>> options;
    private final String positional;
    private final String positionalHelp;
    private final String footer;
    private final String passes;

    private Options(String command, String description, List<Option<?>> options, String positional,
            String positionalHelp, String footer, String passes) {
        this.command = command;
        this.description = description;
        this.options = List.copyOf(options);
        this.positional = positional;
        this.positionalHelp = positionalHelp;
        this.footer = footer;
        this.passes = passes;
        Map<String, Option<?>> names = new LinkedHashMap<>();
        for (Option<?> o : this.options) {
            for (String name : names(o)) {
                if (names.put(name, o) != null) {
                    throw new IllegalArgumentException(command + " declares --" + name + " twice");
                }
            }
        }
    }

    /**
     * @param command how it is called, {@code ./scoreline demo}
     * @param description what it does, for help and the reference page
     */
    public static Options command(String command, String description) {
        return new Options(command, description, List.of(), null, null, null, null);
    }

    public Options with(Option<?>... more) {
        return with(List.of(more));
    }

    public Options with(Collection<? extends Option<?>> more) {
        List<Option<?>> all = new ArrayList<>(options);
        all.addAll(more);
        return new Options(command, description, all, positional, positionalHelp, footer, passes);
    }

    /** The same options under another command's name, for a launcher that runs them as its own. */
    public Options named(String otherCommand, String otherDescription) {
        return new Options(otherCommand, otherDescription, options, positional, positionalHelp, footer, passes);
    }

    /** Words without a dash are taken, in order, as {@code metavar}. */
    public Options positional(String metavar, String help) {
        return new Options(command, description, options, metavar, help, footer, passes);
    }

    /** Text after the options in help: units, conventions. */
    public Options footer(String text) {
        return new Options(command, description, options, positional, positionalHelp, text, passes);
    }

    /**
     * Options this command does not know, {@code --name value} or {@code --name=value}, are handed
     * on to {@code program} (see {@link Parsed#passed()}), which checks them; a name a typo away from
     * one of this command's own is still refused, naming it.
     */
    public Options passingOthersTo(String program) {
        return new Options(command, description, options, positional, positionalHelp, footer, program);
    }

    public List<Option<?>> options() {
        return options;
    }

    public String command() {
        return command;
    }

    /**
     * @return the values; with {@code --help} or {@code -h} anywhere before {@code --}, none, and
     *     {@link Parsed#helpRequested()} true whatever else is wrong
     * @throws UsageException naming the option that is wrong and what it expected
     */
    public Parsed parse(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(this, Map.of(), Map.of(), List.of(), List.of(), List.of(), true);
            }
        }
        Map<String, Option<?>> byName = new LinkedHashMap<>();
        for (Option<?> o : options) {
            for (String name : names(o)) {
                byName.put(name, o);
            }
        }
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        Map<Option<?>, List<String>> texts = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyWords || !arg.startsWith("-") || arg.equals("-")) {
                if (positional == null) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                words.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyWords = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg + suggestion(arg.replaceFirst("^-+", ""), byName));
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            Option<?> option = byName.get(name);
            if (option == null && passes != null && suggestion(name, byName).isEmpty()) {
                passed.add(arg);
                // the other program's value, unless what follows is an option itself (then this was a flag)
                if (eq < 0 && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    passed.add(args[++i]);
                }
                continue;
            }
            if (option == null) {
                throw new UsageException("unknown option --" + name + suggestion(name, byName));
            }
            if (!name.equals(option.name())) {
                warnings.add("--" + name + " is deprecated; it is now --" + option.name());
            }
            String text;
            if (option.isFlag()) {
                if (eq > 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                text = "";
            } else if (eq > 0) {
                text = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                text = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value (" + option.metavar() + ")");
            }
            values.put(option, fold(option, values.containsKey(option) ? values.get(option) : option.defaultValue(),
                    text));
            texts.computeIfAbsent(option, o -> new ArrayList<>()).add(text);
        }
        for (Option<?> o : options) {
            if (o.isRequired() && (!values.containsKey(o) || values.get(o).toString().isBlank())) {
                throw new UsageException(o.synopsis() + " is required");
            }
        }
        return new Parsed(this, values, texts, words, warnings, passed, false);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fold(Option<T> option, Object before, String text) {
        return option.fold((T) before, text);
    }

    private static List<String> names(Option<?> o) {
        List<String> names = new ArrayList<>(List.of(o.name()));
        names.addAll(o.deprecatedAliases());
        return names;
    }

    /** " (did you mean --port?)" for a name a typo away from a known one, else nothing. */
    private static String suggestion(String name, Map<String, Option<?>> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Option<?> o : known.values()) {
            int d = distance(name, o.name());
            if (d < bestDistance) {
                best = o.name();
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean --" + best + "?)" : "";
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code ./scoreline kafka [options] FILE...}. */
    public String synopsis() {
        StringBuilder s = new StringBuilder(command);
        for (Option<?> o : options) {
            if (o.isRequired()) {
                s.append(' ').append(o.synopsis());
            }
        }
        if (options.stream().anyMatch(o -> !o.isRequired())) {
            s.append(" [options]");
        }
        if (positional != null) {
            s.append(' ').append(positional).append("...");
        }
        return s.toString();
    }

    /** The text of {@code --help}. */
    public String help() {
        StringBuilder s = new StringBuilder("Usage: ").append(synopsis()).append('\n');
        wrap(s, description, "  ");
        List<String[]> rows = new ArrayList<>();
        if (positional != null) {
            rows.add(new String[] {positional + "...", positionalHelp});
        }
        for (Option<?> o : options) {
            rows.add(new String[] {o.synopsis(), describe(o)});
        }
        int left = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        left = Math.min(left, 32);
        if (!rows.isEmpty()) {
            s.append('\n');
        }
        for (String[] row : rows) {
            String head = "  " + row[0];
            String indent = " ".repeat(left + 4);
            if (row[0].length() > left) {
                s.append(head).append('\n');
                wrap(s, row[1], indent);
            } else {
                StringBuilder line = new StringBuilder();
                wrap(line, row[1], indent);
                s.append(head).append(" ".repeat(left + 4 - head.length())).append(line.substring(indent.length()));
            }
        }
        if (passes != null) {
            s.append('\n');
            wrap(s, "Other options go to " + passes + ".", "");
        }
        if (footer != null) {
            s.append('\n');
            wrap(s, footer, "");
        }
        return s.toString().stripTrailing();
    }

    /** This command's section of the options reference, in Markdown. */
    public String markdown() {
        StringBuilder s = new StringBuilder("## `").append(command).append("`\n\n");
        s.append(description.replace('\n', ' ')).append("\n\n");
        s.append("```\n").append(synopsis()).append("\n```\n\n");
        s.append("| option | default | meaning |\n|---|---|---|\n");
        if (positional != null) {
            s.append("| `").append(cell(positional)).append("...` | | ").append(cell(positionalHelp)).append(" |\n");
        }
        for (Option<?> o : options) {
            // A default that is a value reads as code; one told in words ("the cluster's") as text.
            String d = o.isRequired() ? "required" : o.defaultDescription() == null ? ""
                    : o.defaultValue() == null ? o.defaultDescription() : "`" + o.defaultDescription() + "`";
            String also = o.deprecatedAliases().isEmpty() ? ""
                    : " (formerly " + String.join(", ", o.deprecatedAliases().stream().map(a -> "`--" + a + "`").toList())
                    + ", still read)";
            String repeat = o.isRepeatable() ? " Repeatable." : "";
            s.append("| `").append(cell(o.synopsis())).append("` | ").append(cell(d)).append(" | ").append(cell(o.help()))
                    .append(repeat).append(also).append(" |\n");
        }
        if (passes != null) {
            s.append("\nOther options go to ").append(passes).append(".\n");
        }
        if (footer != null) {
            s.append('\n').append(footer.replace('\n', ' ')).append('\n');
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    private static String describe(Option<?> o) {
        StringBuilder s = new StringBuilder(o.help());
        if (o.isRequired()) {
            s.append(s.isEmpty() ? "" : " ").append("(required)");
        } else if (o.defaultDescription() != null) {
            s.append(s.isEmpty() ? "" : " ").append("(default ").append(o.defaultDescription()).append(')');
        }
        if (o.isRepeatable()) {
            s.append("; repeatable");
        }
        if (!o.deprecatedAliases().isEmpty()) {
            s.append("; formerly --").append(String.join(", --", o.deprecatedAliases()));
        }
        return s.toString();
    }

    /** Appends text in lines of at most {@link #WIDTH} columns, each after {@code indent}. */
    private static void wrap(StringBuilder out, String text, String indent) {
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                    out.append(line).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line).append('\n');
        }
    }
}
