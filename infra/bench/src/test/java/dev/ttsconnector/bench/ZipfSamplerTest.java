package dev.ttsconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {

    @Test
    void next_sameSeed_drawsTheSameSequence() {
        ZipfSampler a = new ZipfSampler(100, 1.1, new Random(7));
        ZipfSampler b = new ZipfSampler(100, 1.1, new Random(7));

        for (int i = 0; i < 1000; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void next_isSkewedTowardsLowRanksAndStaysInRange() {
        ZipfSampler zipf = new ZipfSampler(1000, 1.1, new Random(1));
        int[] counts = new int[1000];
        for (int i = 0; i < 100_000; i++) {
            counts[zipf.next()]++;
        }

        assertThat(counts[0]).isGreaterThan(counts[9] * 5);
        assertThat(counts[0] + counts[1] + counts[2]).as("top 3 of 1000 ranks").isGreaterThan(20_000);
    }
}
