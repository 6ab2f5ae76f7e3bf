package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Every value a type shows (as help shows a default) reads back as itself. */
class ValueTypeProperties {

    @Property
    void durationsReadBackAsShown(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long millis) {
        ValueType<Duration> type = ValueType.duration(ChronoUnit.SECONDS);
        Duration d = Duration.ofMillis(millis);
        assertThat(type.parse(type.format(d))).isEqualTo(d);
    }

    @Property
    void sizesReadBackAsShown(@ForAll @LongRange(min = 0, max = 1L << 40) long bytes) {
        ValueType<Long> type = ValueType.size();
        assertThat(type.parse(type.format(bytes))).isEqualTo(bytes);
    }

    @Property
    void countsReadBackAsShown(@ForAll @IntRange(min = 0) int n) {
        ValueType<Integer> type = ValueType.count();
        assertThat(type.parse(type.format(n))).isEqualTo(n);
    }

    @Property
    void listsReadBackAsShown(@ForAll @Size(max = 8) List<@IntRange(min = -5, max = 500) Integer> values) {
        ValueType<List<Integer>> type = ValueType.list(ValueType.integer());
        assertThat(type.parse(type.format(values))).isEqualTo(values);
    }

    @Property
    void integersOutsideTheirRangeAreRefusedNamingTheRange(@ForAll int n) {
        ValueType<Integer> type = ValueType.integer(0, 65535);
        if (n >= 0 && n <= 65535) {
            assertThat(type.parse(Integer.toString(n))).isEqualTo(n);
        } else {
            assertThatThrownBy(() -> type.parse(Integer.toString(n))).hasMessageContaining("from 0 to 65535");
        }
    }

    @Property
    void aNameOneTypoAwayIsSuggested(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 30) int at) {
        int i = at % name.length();
        String typo = name.substring(0, i) + name.substring(i + 1);
        Option<String> option = Option.text(name, "X");
        Options spec = Options.command("c", "C.").with(option);
        assertThatThrownBy(() -> spec.parse("--" + typo, "v"))
                .hasMessage("unknown option --" + typo + " (did you mean --" + name + "?)");
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(20);
    }

    @Property
    void anyTextOfATextOptionComesBackAsGiven(@ForAll @StringLength(max = 40) String value) {
        Option<String> option = Option.text("name", "X");
        Options spec = Options.command("c", "C.").with(option);
        assertThat(spec.parse("--name", value).get(option)).isEqualTo(value);
        assertThat(spec.parse("--name=" + value).get(option)).isEqualTo(value);
    }
}
