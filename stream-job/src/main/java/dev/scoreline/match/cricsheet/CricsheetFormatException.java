package dev.scoreline.match.cricsheet;

/** A Cricsheet record the converter cannot read; the message says which record, where in it, and what is wrong. */
public class CricsheetFormatException extends IllegalArgumentException {

    public CricsheetFormatException(String record, String where, String what) {
        super(record + ": " + (where.isEmpty() ? "" : where + ": ") + what);
    }

    public CricsheetFormatException(String record, String what, Throwable cause) {
        super(record + ": " + what, cause);
    }
}
