package dev.scoreline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options and bare words, for the benchmark's commands and its child processes. */
public final class Opts {

    private final Map<String, String> named = new LinkedHashMap<>();
    private final List<String> words = new ArrayList<>();

    private Opts() {}

    public static Opts parse(String... args) {
        Opts o = new Opts();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    o.named.put(args[i].substring(2), "true");
                } else {
                    o.named.put(args[i].substring(2), args[++i]);
                }
            } else {
                o.words.add(args[i]);
            }
        }
        return o;
    }

    public List<String> words() {
        return words;
    }

    public boolean has(String name) {
        return named.containsKey(name);
    }

    public String text(String name, String dflt) {
        return named.getOrDefault(name, dflt);
    }

    public int integer(String name, int dflt) {
        String v = named.get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v.replace("_", "").replace("k", "000"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    public double decimal(String name, double dflt) {
        String v = named.get(name);
        try {
            return v == null ? dflt : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a number, not '" + v + "'");
        }
    }

    /** A comma-separated list of whole numbers ({@code 1k} = 1000). */
    public int[] integers(String name, String dflt) {
        String v = named.getOrDefault(name, dflt);
        try {
            return Arrays.stream(v.split(",")).map(String::trim).mapToInt(s -> Integer.parseInt(s.replace("k", "000")))
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes numbers separated by commas, not '" + v + "'");
        }
    }

    public Map<String, String> named() {
        return named;
    }
}
