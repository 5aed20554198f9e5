package dev.ttsconnector.bench;

import java.util.Random;

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s (Zipf), by inverse CDF; deterministic for a seeded random. */
final class ZipfSampler {

    private final double[] cdf;
    private final Random random;

    ZipfSampler(int n, double s, Random random) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        this.random = random;
        cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
    }

    int next() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
