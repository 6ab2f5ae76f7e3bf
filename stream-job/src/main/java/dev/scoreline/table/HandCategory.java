package dev.scoreline.table;

import com.fasterxml.jackson.annotation.JsonValue;

/** The six kinds of Teen Patti hand, weakest first. */
public enum HandCategory {
    HIGH_CARD("high card"),
    PAIR("pair"),
    COLOUR("colour"),
    SEQUENCE("sequence"),
    PURE_SEQUENCE("pure sequence"),
    TRAIL("trail");

    private final String label;

    HandCategory(String label) {
        this.label = label;
    }

    /** How views name it. */
    @JsonValue
    public String label() {
        return label;
    }
}
