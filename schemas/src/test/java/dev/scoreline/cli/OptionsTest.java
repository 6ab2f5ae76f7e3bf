package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    enum Delivery { AT_LEAST_ONCE, EXACTLY_ONCE, NONE }

    static final Option<String> BOOTSTRAP = Option.of("bootstrap", ValueType.hostPorts()).required()
            .help("Kafka bootstrap servers");
    static final Option<Integer> PORT = Option.of("port", ValueType.integer(0, 65535)).byDefault(8080).help("HTTP port");
    static final Option<Boolean> DEV = Option.flag("dev").help("dev mode");
    static final Option<Duration> TIMEOUT = Option.of("idle-timeout", ValueType.duration(ChronoUnit.SECONDS))
            .byDefault(Duration.ofSeconds(60)).help("idle connections close");
    static final Option<Long> QUEUE = Option.of("queue-bytes", ValueType.size()).byDefault(1024L * 1024).help("queue");
    static final Option<Delivery> DELIVERY = Option.of("delivery",
            ValueType.oneOf(Delivery.class, Delivery.AT_LEAST_ONCE, Delivery.EXACTLY_ONCE))
            .byDefault(Delivery.AT_LEAST_ONCE).help("guarantee");
    static final Option<List<Integer>> PARTITIONS = Option.of("partitions", ValueType.list(ValueType.integer(0, 99)))
            .help("partitions").defaultText("all");
    static final Option<List<Map.Entry<String, String>>> KAFKA = Option.repeatable("kafka", ValueType.keyValue())
            .help("extra setting");
    static final Option<String> DELTAS = Option.text("deltas-topic", "NAME").byDefault("state-deltas")
            .deprecatedAlias("delta-topic").help("topic of deltas");

    static final Options SPEC = Options.command("gw", "A gateway.")
            .with(BOOTSTRAP, PORT, DEV, TIMEOUT, QUEUE, DELIVERY, PARTITIONS, KAFKA, DELTAS);

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        Parsed p = SPEC.parse("--bootstrap", "k:9092");
        assertThat(p.get(PORT)).isEqualTo(8080);
        assertThat(p.get(DEV)).isFalse();
        assertThat(p.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.get(DELIVERY)).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(p.get(PARTITIONS)).isNull();
        assertThat(p.get(KAFKA)).isEmpty();
        assertThat(p.has(PORT)).isFalse();
    }

    @Test
    void bothSpellingsFlagsListsAndRepeats() {
        Parsed p = SPEC.parse("--bootstrap=a:1,b:2", "--port", "0", "--dev", "--idle-timeout=5min", "--queue-bytes", "64k",
                "--delivery", "exactly-once", "--partitions", "0, 2", "--kafka", "a=1", "--kafka=b=2=3");
        assertThat(p.get(BOOTSTRAP)).isEqualTo("a:1,b:2");
        assertThat(p.get(PORT)).isZero();
        assertThat(p.get(DEV)).isTrue();
        assertThat(p.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.get(QUEUE)).isEqualTo(65536L);
        assertThat(p.get(DELIVERY)).isEqualTo(Delivery.EXACTLY_ONCE);
        assertThat(p.get(PARTITIONS)).containsExactly(0, 2);
        assertThat(p.get(KAFKA)).containsExactly(Map.entry("a", "1"), Map.entry("b", "2=3"));
        assertThat(p.args(List.of(PORT, KAFKA, DEV))).containsExactly("--port", "0", "--dev", "--kafka", "a=1", "--kafka", "b=2=3");
    }

    @Test
    void aDeprecatedNameStillWorksAndSaysSo() {
        Parsed p = SPEC.parse("--bootstrap", "k:1", "--delta-topic", "d");
        assertThat(p.get(DELTAS)).isEqualTo("d");
        assertThat(p.warnings()).containsExactly("--delta-topic is deprecated; it is now --deltas-topic");
        assertThat(p.args(List.of(DELTAS))).containsExactly("--deltas-topic", "d");
    }

    @Test
    void mistakesNameTheOptionAndWhatItExpected() {
        assertThatThrownBy(() -> SPEC.parse()).isInstanceOf(UsageException.class)
                .hasMessage("--bootstrap HOST:PORT is required");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--prot", "1"))
                .hasMessage("unknown option --prot (did you mean --port?)");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--colour"))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--port"))
                .hasMessage("--port needs a value (N)");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--port", "70000"))
                .hasMessage("--port takes a whole number from 0 to 65535, not '70000'");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--idle-timeout", "soon"))
                .hasMessageStartingWith("--idle-timeout takes a duration");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--queue-bytes", "lots"))
                .hasMessageStartingWith("--queue-bytes takes a size");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--delivery", "none"))
                .hasMessage("--delivery takes one of at-least-once, exactly-once, not 'none'");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--partitions", "1,x"))
                .hasMessage("--partitions takes a whole number from 0 to 99, not 'x'");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--dev=yes")).hasMessage("--dev takes no value");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "stray")).hasMessage("unexpected argument 'stray'");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "nohost")).hasMessageStartingWith("--bootstrap takes HOST:PORT");
        assertThatThrownBy(() -> SPEC.parse("--bootstrap", "k:1", "--kafka", "novalue"))
                .hasMessage("--kafka takes KEY=VALUE, not 'novalue'");
    }

    @Test
    void aTypeOfItsOwnReportsItsOwnReason() {
        Option<String> channel = Option.of("channel", ValueType.of("a channel", "NAME", t -> {
            if (!t.startsWith("match:")) {
                throw new IllegalArgumentException(t + " is not a public channel");
            }
            return t;
        }, t -> t));
        Options spec = Options.command("c", "C.").with(channel);
        assertThatThrownBy(() -> spec.parse("--channel", "table:1")).hasMessage("--channel: table:1 is not a public channel");
    }

    @Test
    void positionalWordsHelpAndTheDoubleDash() {
        Option<Path> dir = Option.of("dir", ValueType.path("DIR")).byDefault(Path.of(".d"));
        Options spec = Options.command("replay", "Replays.").with(dir).positional("FILE", "records");
        Parsed p = spec.parse("a.json", "--dir", "/x", "b.json", "--", "--c.json");
        assertThat(p.positional()).containsExactly("a.json", "b.json", "--c.json");
        assertThat(p.get(dir)).isEqualTo(Path.of("/x"));
        assertThat(SPEC.parse("--port", "x", "--help").helpRequested()).isTrue();
        assertThat(spec.parse("--", "-h").helpRequested()).isFalse();
        assertThat(SPEC.parse("-h").helpRequested()).isTrue();
    }

    @Test
    void helpIsWrittenFromTheDefinitions() {
        String help = SPEC.help();
        assertThat(help).startsWith("Usage: gw --bootstrap HOST:PORT [options]\n  A gateway.\n")
                .contains("--port N").contains("HTTP port (default 8080)")
                .contains("--idle-timeout DURATION").contains("(default 1min)")
                .contains("(default 1m)")
                .contains("--delivery at-least-once|exactly-once")
                .contains("partitions (default all)")
                .contains("extra setting; repeatable")
                .contains("formerly --delta-topic")
                .doesNotContain("--dev (default");
        assertThat(help.lines()).allMatch(line -> line.length() <= 100);
        assertThat(SPEC.markdown()).contains("| `--port N` | `8080` | HTTP port |")
                .contains("| `--bootstrap HOST:PORT` | required | Kafka bootstrap servers |")
                .contains("| `--delivery at-least-once\\|exactly-once` | `at-least-once` | guarantee |");
    }

    @Test
    void othersAreHandedOnButNotTyposOfOurOwn() {
        Options spec = Options.command("up", "Up.").with(PORT).passingOthersTo("the job");
        Parsed p = spec.parse("--delivery", "exactly-once", "--port", "1", "--checkpoint-interval=5s");
        assertThat(p.passed()).containsExactly("--delivery", "exactly-once", "--checkpoint-interval=5s");
        assertThat(p.get(PORT)).isEqualTo(1);
        assertThatThrownBy(() -> spec.parse("--prot", "1")).hasMessage("unknown option --prot (did you mean --port?)");
        assertThat(spec.help()).contains("Other options go to the job.");

        Parsed flag = spec.parse("--fresh", "--port", "2");
        assertThat(flag.passed()).as("an unknown flag takes no option as its value").containsExactly("--fresh");
        assertThat(flag.get(PORT)).isEqualTo(2);
    }

    @Test
    void anOptionIsDeclaredOnce() {
        assertThatThrownBy(() -> Options.command("x", "X.").with(PORT, Option.flag("port")))
                .hasMessageContaining("--port twice");
    }

    @Test
    void valuesOfOtherCommandsAreNotReadHere() {
        Parsed p = Options.command("x", "X.").with(DEV).parse();
        assertThatThrownBy(() -> p.get(PORT)).isInstanceOf(IllegalStateException.class);
    }
}
