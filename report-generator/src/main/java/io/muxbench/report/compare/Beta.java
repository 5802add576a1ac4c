package io.muxbench.report.compare;

import java.util.random.RandomGenerator;

/**
 * Beta variates as X / (X + Y) of two Gamma variates, drawn with Marsaglia and Tsang's method
 * ("A simple method for generating gamma variables", ACM TOMS 26(3), 2000). Both shapes are at least
 * 1 here (they are ranks), the range where the method needs no correction.
 */
final class Beta {

    private Beta() {
    }

    static double sample(double alpha, double beta, RandomGenerator random) {
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        return x / (x + y);
    }

    static double gamma(double shape, RandomGenerator random) {
        if (!(shape >= 1)) {
            throw new IllegalArgumentException("shape must be >= 1, was " + shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
