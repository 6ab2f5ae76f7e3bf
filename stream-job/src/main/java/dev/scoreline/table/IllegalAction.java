package dev.scoreline.table;

/** An event the rules refuse; its message is the reason, for a person. */
final class IllegalAction extends RuntimeException {

    IllegalAction(String reason) {
        super(reason, null, false, false);
    }
}
