package dev.scoreline.gateway.auth;

/** Where a request carries its token: {@code Authorization: Bearer …}, else {@code ?token=…}. */
public final class BearerToken {

    private BearerToken() {}

    /** @return the token, or null when the request carries none */
    public static String of(String authorizationHeader, String tokenParameter) {
        if (authorizationHeader != null) {
            String h = authorizationHeader.strip();
            if (h.regionMatches(true, 0, "Bearer ", 0, 7) && h.length() > 7) {
                return h.substring(7).strip();
            }
        }
        return tokenParameter == null || tokenParameter.isBlank() ? null : tokenParameter.strip();
    }
}
