package dev.scoreline.market;

/**
 * A market's name: {@code ball:<innings>.<delivery>} (what that delivery of the innings gives,
 * every delivery counted from 1, wides and no-balls too), {@code over:<innings>.<over>} (the runs
 * of that over, numbered from 0 as the feed numbers overs) or {@code winner}.
 */
public record MarketId(Kind kind, int innings, int number) {

    public enum Kind { BALL, OVER, WINNER }

    public static final String WINNER = "winner";

    private static final MarketId WINNER_ID = new MarketId(Kind.WINNER, 0, 0);

    public static MarketId winner() {
        return WINNER_ID;
    }

    public static MarketId ball(int innings, int delivery) {
        return new MarketId(Kind.BALL, innings, delivery);
    }

    public static MarketId over(int innings, int over) {
        return new MarketId(Kind.OVER, innings, over);
    }

    /** The market {@code name} names, or null when it names none. */
    public static MarketId parse(String name) {
        if (WINNER.equals(name)) {
            return WINNER_ID;
        }
        if (name == null) {
            return null;
        }
        Kind kind = name.startsWith("ball:") ? Kind.BALL : name.startsWith("over:") ? Kind.OVER : null;
        int dot = name.indexOf('.');
        if (kind == null || dot < 0) {
            return null;
        }
        try {
            int innings = Integer.parseInt(name.substring(5, dot));
            int number = Integer.parseInt(name.substring(dot + 1));
            MarketId id = new MarketId(kind, innings, number);
            boolean valid = innings >= 1 && innings <= 99 && number >= (kind == Kind.BALL ? 1 : 0)
                    && number <= 99_999 && id.name().equals(name);
            return valid ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String name() {
        return switch (kind) {
            case WINNER -> WINNER;
            case BALL -> "ball:" + innings + "." + number;
            case OVER -> "over:" + innings + "." + number;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
