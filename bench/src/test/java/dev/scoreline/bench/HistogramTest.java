package dev.scoreline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinTheBucketPrecision() {
        Histogram h = new Histogram();
        for (int us = 1; us <= 100_000; us++) {
            h.record(us);
        }
        assertThat(h.count()).isEqualTo(100_000);
        // the p-th percentile of 1..N is p*N; buckets are 1/64 of a power of two wide
        assertThat(h.percentileMillis(0.50)).isCloseTo(50.0, within(50.0 / 64));
        assertThat(h.percentileMillis(0.99)).isCloseTo(99.0, within(99.0 / 64));
        assertThat(h.percentileMillis(0.999)).isCloseTo(99.9, within(99.9 / 64));
        assertThat(h.percentileMillis(1.0)).isEqualTo(100.0);
    }

    @Test
    void smallValuesAreExact() {
        Histogram h = new Histogram();
        for (int us : new int[] {3, 7, 7, 100}) {
            h.record(us);
        }
        assertThat(h.percentileMillis(0.25)).isEqualTo(0.003);
        assertThat(h.percentileMillis(0.75)).isEqualTo(0.007);
        assertThat(h.percentileMillis(1.0)).isEqualTo(0.1);
    }

    @Test
    void everyValueFallsInABucketWhoseUpperBoundIsAtLeastIt() {
        for (long v = 0; v < 5_000_000; v += 997) {
            int i = Histogram.index(v);
            assertThat(Histogram.upperBound(i)).isGreaterThanOrEqualTo(v);
            assertThat(i == 0 || Histogram.upperBound(i - 1) < v).isTrue();
        }
    }

    @Test
    void encodedHistogramsDecodeAndMergeToTheSameCounts() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        for (int i = 0; i < 1000; i++) {
            a.record(i);
            b.record(10_000 + i);
        }
        Histogram merged = Histogram.decode(a.encode());
        merged.add(Histogram.decode(b.encode()));
        assertThat(merged.count()).isEqualTo(2000);
        assertThat(merged.maxMicros()).isEqualTo(10_999);
        // half the samples are below 1 ms, half above 10 ms
        assertThat(merged.percentileMillis(0.5)).isLessThan(1.0);
        assertThat(merged.percentileMillis(0.51)).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void nanosecondsAreRecordedAsMicroseconds() {
        Histogram h = new Histogram();
        h.recordNanos(2_500_000);
        assertThat(h.percentileMillis(1.0)).isEqualTo(2.5);
        assertThat(new Histogram().percentileMillis(0.5)).isNaN();
    }
}
