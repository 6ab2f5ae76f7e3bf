package dev.scoreline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options reference ({@code docs/options.md}) is written from the definitions: each module
 * owns one block of it, between {@code <!-- options:ID -->} and {@code <!-- /options:ID -->}, and
 * a test of the module checks that the block is what its commands generate.
 */
public final class Reference {

    private Reference() {}

    /** The block's text, markers included. */
    public static String block(String id, List<Options> commands) {
        StringBuilder s = new StringBuilder(begin(id)).append('\n');
        for (Options command : commands) {
            s.append('\n').append(command.markdown());
        }
        return s.append('\n').append(end(id)).toString();
    }

    /** The document with the block of {@code id} written anew. */
    public static String update(String document, String id, List<Options> commands) {
        int from = document.indexOf(begin(id));
        int to = document.indexOf(end(id));
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the document has no block " + begin(id) + " ... " + end(id));
        }
        return document.substring(0, from) + block(id, commands) + document.substring(to + end(id).length());
    }

    /** Set to true, {@link #check} writes the block instead of comparing it. */
    public static final String WRITE_PROPERTY = "scoreline.docs.write";

    /**
     * For a module's test: the block of {@code id} in {@code document} is what the commands generate,
     * or with {@code -Dscoreline.docs.write=true} becomes it.
     *
     * @throws IllegalStateException when it is not, saying how to regenerate it
     */
    public static void check(Path document, String id, List<Options> commands) {
        try {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            String wanted = update(text, id, commands);
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.writeString(document, wanted, StandardCharsets.UTF_8);
            } else if (!text.equals(wanted)) {
                throw new IllegalStateException(document + ": the block " + begin(id) + " is not what the options"
                        + " generate; run the test with -D" + WRITE_PROPERTY + "=true to write it. It should be:\n"
                        + block(id, commands));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String begin(String id) {
        return "<!-- options:" + id + " -->";
    }

    private static String end(String id) {
        return "<!-- /options:" + id + " -->";
    }
}
