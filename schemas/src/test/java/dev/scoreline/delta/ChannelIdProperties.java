package dev.scoreline.delta;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written identifier check says what the regular expression that states it says. */
class ChannelIdProperties {

    @Property(tries = 2000)
    void theCheckAndTheExpressionAgree(@ForAll("ids") String text) {
        assertThat(Channel.isIdentifier(text)).as("'%s'", text).isEqualTo(Channel.matchesIdForm(text));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("Az09._~@+-").ofMinLength(0).ofMaxLength(10),
                Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(6),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withChars("b").ofMinLength(127).ofMaxLength(129));
    }
}
