package dev.scoreline.bench.fanout;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A load-client process: {@code --count} WebSocket or MQTT subscribers, subscriber {@code i} on
 * channel {@code <prefix><(offset + i) % channels>}, bound to source addresses
 * {@code <source>.1}, {@code <source>.2}, ... ({@code --per-address} sockets each). Commands on
 * standard input, one a line: {@code status}, {@code reset}, {@code report}, {@code quit}.
 */
public final class SubscriberMain {

    private static final Option<String> HOST = Option.text("host", "ADDRESS").byDefault("127.0.0.1");
    private static final Option<Integer> PORT = Option.of("port", ValueType.integer(1, 65535)).byDefault(8080);
    private static final Option<Integer> COUNT = Option.of("count", ValueType.count()).byDefault(1000);
    private static final Option<Integer> CHANNELS = Option.of("channels", ValueType.count()).byDefault(1);
    private static final Option<Integer> OFFSET = Option.of("offset", ValueType.count()).byDefault(0);
    private static final Option<String> PREFIX = Option.text("prefix", "TEXT").byDefault("match:b");
    private static final Option<String> SOURCE = Option.text("source", "A.B.C").byDefault("127.0.1");
    private static final Option<Integer> PER_ADDRESS = Option.of("per-address", ValueType.count()).byDefault(2000);
    private static final Option<String> ID = Option.text("id", "TEXT").byDefault("sub");

    static final Options OPTIONS = Options.command("SubscriberMain", "A load-client process of the fan-out benchmark.")
            .with(HOST, PORT, COUNT, CHANNELS, OFFSET, PREFIX, SOURCE, PER_ADDRESS, ID)
            .positional("ws|mqtt", "the protocol (default ws)");

    private SubscriberMain() {}

    public static void main(String[] args) throws Exception {
        Parsed o = OPTIONS.parse(args);
        String protocol = o.positional().isEmpty() ? "ws" : o.positional().get(0);
        InetSocketAddress server = new InetSocketAddress(o.get(HOST), o.get(PORT));
        int count = o.get(COUNT);
        int channels = o.get(CHANNELS);
        int offset = o.get(OFFSET);
        String prefix = o.get(PREFIX);
        List<InetAddress> sources = sources(o.get(SOURCE), count, o.get(PER_ADDRESS));
        Recorder recorder = new Recorder();
        java.util.function.IntFunction<String> channelOf = i -> prefix + ((offset + i) % channels);

        Status status;
        AutoCloseable clients;
        if (protocol.equals("mqtt")) {
            MqttSubscribers m = new MqttSubscribers(server, recorder);
            clients = m;
            status = () -> m.ready() + " " + m.failed() + " " + m.closed() + " " + m.firstFailure();
            m.open(count, sources, channelOf, o.get(ID) + "-");
        } else {
            WsSubscribers w = new WsSubscribers(server, recorder);
            clients = w;
            status = () -> w.ready() + " " + w.failed() + " " + w.closed() + " " + w.firstFailure();
            w.open(count, sources, channelOf);
        }
        System.out.println("started");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "status" -> System.out.println("status " + status.get());
                case "reset" -> {
                    recorder.reset();
                    System.out.println("reset");
                }
                case "report" -> System.out.println("report " + recorder.report());
                case "quit" -> {
                    clients.close();
                    System.exit(0);
                }
                default -> System.out.println("error unknown command " + line);
            }
        }
        clients.close();
        System.exit(0);
    }

    interface Status {
        String get();
    }

    static List<InetAddress> sources(String base, int count, int perAddress) throws Exception {
        List<InetAddress> out = new ArrayList<>();
        int addresses = Math.max(1, (count + perAddress - 1) / perAddress);
        if (addresses > 254) {
            throw new IllegalArgumentException("more than 254 source addresses needed under " + base);
        }
        for (int i = 1; i <= addresses; i++) {
            out.add(InetAddress.getByName(base + "." + i));
        }
        return out;
    }
}
