package dev.scoreline.bench.fanout;

import static dev.scoreline.bench.MarkdownTable.bytes;
import static dev.scoreline.bench.MarkdownTable.num;
import static dev.scoreline.bench.MarkdownTable.ratio;

import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.bench.Target;
import dev.scoreline.bench.fanout.FanoutBench.Memory;
import dev.scoreline.bench.fanout.FanoutBench.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The fan-out's tables: every step, the ratios between systems, memory, and the targets. */
public final class FanoutReport {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final FanoutBench.Result result;

    public FanoutReport(FanoutBench.Result result) {
        this.result = result;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        MarkdownTable steps = new MarkdownTable("Fan-out: every step",
                "system", "subscribers", "channels", "offered msg/s", "delivered msg/s", "p50 ms", "p99 ms",
                "p99.9 ms", "deltas not delivered", "conflations", "too-slow closes", "server CPU %", "clients CPU %");
        for (Step s : result.steps()) {
            steps.row(s.system(), s.subscribers(), s.channels(), num(s.offered(), 0),
                    num(s.delivered(), 0), num(s.p50(), 2), num(s.p99(), 2), num(s.p999(), 2),
                    s.lost(), s.conflations(), s.closes(), num(s.serverCpu(), 0), num(s.clientCpu(), 0));
        }
        steps.note("Latency: from the publisher's send (the moment the Kafka record, or the MQTT publish, is made; "
                + "CLOCK_MONOTONIC, shared by every process) to the subscriber's read. The gateway and the limit "
                + "server read the deltas from Kafka; Mosquitto gets them straight from an MQTT publisher, one hop "
                + "fewer. Delivered: messages received (deltas plus conflation snapshots) over the time from the "
                + "first send to the last receipt. CPU: % of one core over the step. Each server first gets an "
                + "unreported warm-up step (--warm-up-seconds, at the largest count) while its JIT compiles.");
        out.append(steps.markdown()).append('\n');

        MarkdownTable ratios = new MarkdownTable(
                "Fan-out: the gateway beside its baselines, same subscribers, same deltas",
                "subscribers", "channels", "offered msg/s", "gateway msg/s", "Mosquitto msg/s", "limit msg/s",
                "gateway/Mosquitto", "gateway/limit", "gateway p99 ms", "Mosquitto p99 ms", "limit p99 ms",
                "gateway/limit p99", "gateway/limit p99.9");
        Map<String, Map<String, Step>> byKey = new LinkedHashMap<>();
        for (Step s : result.steps()) {
            byKey.computeIfAbsent(key(s), k -> new LinkedHashMap<>()).put(s.system(), s);
        }
        for (Map<String, Step> row : byKey.values()) {
            Step any = row.values().iterator().next();
            Step g = row.get("gateway");
            Step m = row.get("mosquitto");
            Step l = row.get("limit");
            ratios.row(any.subscribers(), any.channels(), num(any.offered(), 0), d(g), d(m), d(l),
                    g == null || m == null ? "–" : ratio(g.delivered(), m.delivered()),
                    g == null || l == null ? "–" : ratio(g.delivered(), l.delivered()),
                    p99(g), p99(m), p99(l),
                    g == null || l == null ? "–" : ratio(g.p99(), l.p99()),
                    g == null || l == null ? "–" : ratio(g.p999(), l.p999()));
        }
        out.append(ratios.markdown()).append('\n');

        MarkdownTable mem = new MarkdownTable("Idle connections: memory per connection",
                "system", "channels", "connections held", "heap per connection", "RSS per connection",
                "100k connections: heap", "100k connections: RSS");
        for (Memory m : result.memory()) {
            mem.row(m.system(), m.channels(), m.connections(), bytes(m.heapPerConnection()), bytes(m.rssPerConnection()),
                    bytes(m.heapPerConnection() * 100_000), bytes(m.rssPerConnection() * 100_000));
        }
        mem.note("Measured as (heap after full GC, RSS) with the connections open, subscribed and idle, minus the "
                + "same with none, each channel count on a fresh server before any step; one process may hold at most 20,000 open files here, so 100k is extrapolated "
                + "linearly from the count held. Mosquitto has no heap: RSS only.");
        out.append(mem.markdown());
        for (String note : result.notes()) {
            out.append('\n').append(note).append('\n');
        }
        return out.toString();
    }

    private static String key(Step s) {
        return s.subscribers() + "/" + s.channels() + "/" + s.nominal();
    }

    private static String d(Step s) {
        return s == null ? "–" : num(s.delivered(), 0);
    }

    private static String p99(Step s) {
        return s == null ? "–" : num(s.p99(), 2);
    }

    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        int tenK = result.steps().stream().mapToInt(Step::subscribers)
                .boxed().min(Comparator.comparingInt(n -> Math.abs(n - 10_000))).orElse(0);
        Optional<Step> gw = best("gateway", tenK);
        Optional<Step> mq = best("mosquitto", tenK);
        Optional<Step> lim = best("limit", tenK);
        if (gw.isPresent() && mq.isPresent()) {
            double r = gw.get().delivered() / mq.get().delivered();
            out.add(new Target("gateway >= 2x Mosquitto delivered msg/s at " + tenK + " subscribers (best step)",
                    num(gw.get().delivered(), 0) + " vs " + num(mq.get().delivered(), 0) + " msg/s = "
                            + ratio(gw.get().delivered(), mq.get().delivered()),
                    r >= 2, num(Math.abs(r / 2 * 100 - 100), 0) + "% " + (r >= 2 ? "over" : "short of") + " 2x"));
        }
        if (gw.isPresent() && lim.isPresent()) {
            double r = gw.get().delivered() / lim.get().delivered();
            out.add(new Target("gateway >= 60% of the socket limit at " + tenK + " subscribers (best step)",
                    num(gw.get().delivered(), 0) + " vs " + num(lim.get().delivered(), 0) + " msg/s = "
                            + num(100 * r, 0) + "%",
                    r >= 0.6, num(Math.abs(100 * r - 60), 0) + " points " + (r >= 0.6 ? "over" : "short")));
        }
        result.memory().stream().filter(m -> m.system().equals("gateway"))
                .max(Comparator.comparingDouble(Memory::heapPerConnection)).ifPresent(m -> {
            double heap = m.heapPerConnection() * 100_000;
            out.add(new Target("100k idle WebSocket connections in <= 1 GiB heap",
                    bytes(m.heapPerConnection()) + "/connection x 100k = " + bytes(heap)
                            + " (measured at " + m.connections() + ", " + m.channels() + " channel(s))",
                    heap <= GIB, num(Math.abs(100 * (GIB - heap) / GIB), 0) + "% " + (heap <= GIB ? "under" : "over")));
        });
        for (Memory m : result.memory()) {
            if (m.system().equals("gateway")) {
                boolean met = m.heapPerConnection() <= 4096 && m.rssPerConnection() <= 8192;
                out.add(new Target("gateway <= 4 KiB heap and <= 8 KiB RSS per idle connection, " + m.channels()
                        + " channel(s)", bytes(m.heapPerConnection()) + " heap, " + bytes(m.rssPerConnection()) + " RSS",
                        met, met ? "both under" : "over by " + bytes(Math.max(m.heapPerConnection() - 4096,
                                m.rssPerConnection() - 8192))));
            }
        }
        worst(out, "gateway p99 <= 1.5x the socket limit's at every step", Step::p99, 1.5);
        worst(out, "gateway p99.9 <= 2x the socket limit's at every step", Step::p999, 2.0);
        pairs().stream().filter(p -> p[0].nominal() >= 1_000_000).forEach(p -> {
            double r = p[0].delivered() / p[1].delivered();
            out.add(new Target("gateway delivers >= 90% of the socket limit at 1M msg/s offered, " + p[0].subscribers()
                    + " subscribers, " + p[0].channels() + " channel(s)",
                    num(p[0].delivered(), 0) + " vs " + num(p[1].delivered(), 0) + " msg/s = " + num(100 * r, 0) + "%",
                    r >= 0.9, num(Math.abs(100 * r - 90), 0) + " points " + (r >= 0.9 ? "over" : "short")));
        });
        result.steps().stream()
                .filter(s -> s.system().equals("gateway") && s.subscribers() == tenK
                        && s.nominal() == 50_000)
                .forEach(s -> out.add(new Target(
                        "gateway p99 <= 20 ms at " + s.subscribers() + " subscribers, 50k msg/s, " + s.channels()
                                + " channel(s)",
                        "p99 " + num(s.p99(), 2) + " ms at " + num(s.delivered(), 0) + " msg/s delivered",
                        s.p99() <= 20 && s.delivered() >= 0.95 * s.offered(),
                        num(Math.abs(20 - s.p99()), 2) + " ms " + (s.p99() <= 20 ? "to spare" : "over"))));
        return out;
    }

    /** The gateway's and the limit server's step at the same subscribers, channels and offered rate. */
    private List<Step[]> pairs() {
        List<Step[]> out = new ArrayList<>();
        for (Step g : result.steps()) {
            if (g.system().equals("gateway")) {
                result.steps().stream().filter(l -> l.system().equals("limit") && key(l).equals(key(g))).findFirst()
                        .ifPresent(l -> out.add(new Step[] {g, l}));
            }
        }
        return out;
    }

    /** A target on the gateway's latency against the limit server's, judged at the step where it is worst. */
    private void worst(List<Target> out, String what, ToDoubleFunction<Step> latency, double most) {
        pairs().stream().max(Comparator.comparingDouble(p -> latency.applyAsDouble(p[0]) / latency.applyAsDouble(p[1])))
                .ifPresent(p -> {
                    double r = latency.applyAsDouble(p[0]) / latency.applyAsDouble(p[1]);
                    out.add(new Target(what, "worst " + num(r, 2) + "x (" + num(latency.applyAsDouble(p[0]), 2) + " vs "
                            + num(latency.applyAsDouble(p[1]), 2) + " ms) at " + p[0].subscribers() + " subscribers, "
                            + p[0].channels() + " channel(s), " + num(p[0].nominal(), 0) + " msg/s offered",
                            r <= most, r <= most ? "met at every step" : num(r - most, 2) + "x over"));
                });
    }

    private Optional<Step> best(String system, int subscribers) {
        return result.steps().stream()
                .filter(s -> s.system().equals(system) && s.subscribers() == subscribers && s.channels() == 1)
                .max(Comparator.comparingDouble(Step::delivered));
    }
}
