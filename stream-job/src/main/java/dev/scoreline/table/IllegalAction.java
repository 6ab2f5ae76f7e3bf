package dev.scoreline.table;

/** An event the rules refuse; its message is the reason, for a person. */
final class IllegalAction extends RuntimeException {

    IllegalAction(String reason) {
        super(reason, null, false, false);
    }

    /** Refuses the event unless {@code holds}; the reason is formatted only when it is given. */
    static void check(boolean holds, String reason, Object... args) {
        if (!holds) {
            throw new IllegalAction(args.length == 0 ? reason : String.format(reason, args));
        }
    }
}
