package dev.scoreline.bench.fanout;

import dev.scoreline.bench.Opts;
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

    private SubscriberMain() {}

    public static void main(String[] args) throws Exception {
        Opts o = Opts.parse(args);
        String protocol = o.words().isEmpty() ? "ws" : o.words().get(0);
        InetSocketAddress server = new InetSocketAddress(o.text("host", "127.0.0.1"), o.integer("port", 8080));
        int count = o.integer("count", 1000);
        int channels = o.integer("channels", 1);
        int offset = o.integer("offset", 0);
        String prefix = o.text("prefix", "match:b");
        List<InetAddress> sources = sources(o.text("source", "127.0.1"), count, o.integer("per-address", 2000));
        Recorder recorder = new Recorder();
        java.util.function.IntFunction<String> channelOf = i -> prefix + ((offset + i) % channels);

        Status status;
        AutoCloseable clients;
        if (protocol.equals("mqtt")) {
            MqttSubscribers m = new MqttSubscribers(server, recorder);
            clients = m;
            status = () -> m.ready() + " " + m.failed() + " " + m.closed() + " " + m.firstFailure();
            m.open(count, sources, channelOf, o.text("id", "sub") + "-");
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
