package dev.scoreline.gateway.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text exposition, for assertions. */
public final class PromText {

    private PromText() {}

    /**
     * @param series the metric name with its labels exactly as exposed, e.g.
     *     {@code scoreline_gateway_closes_total{reason="too-slow"}}
     * @return the sample's value, or 0 when the series is absent
     */
    public static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    public static double value(byte[] exposition, String series) {
        return value(new String(exposition, java.nio.charset.StandardCharsets.UTF_8), series);
    }
}
