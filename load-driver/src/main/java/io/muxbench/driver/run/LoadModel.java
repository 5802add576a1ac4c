package io.muxbench.driver.run;

import io.muxbench.vocabulary.Load;
import java.time.Duration;

/**
 * How a cell's page loads are started: by N virtual browsers that each load the page again as soon
 * as the last load ended (closed), or at a fixed rate whatever the answers (open), measured from
 * the intended start.
 *
 * <pre>{@code
 * LoadModel closed = new LoadModel.Closed(3, Duration.ZERO);
 * LoadModel open = new LoadModel.Open(20, 8);
 * }</pre>
 */
public sealed interface LoadModel {

    /** The virtual browsers a cell round makes: the loopers, or the most page loads in flight at once. */
    int browsers();

    /** Closed or open, as run.json names it. */
    Load kind();

    /**
     * @param browsers  virtual browsers, each loading the page in a loop
     * @param thinkTime pause between a browser's page loads
     */
    record Closed(int browsers, Duration thinkTime) implements LoadModel {
        public Closed {
            RunConfig.between("browsers", browsers, 1000);
            thinkTime = thinkTime == null ? Duration.ZERO : thinkTime;
            if (thinkTime.isNegative()) {
                throw new IllegalArgumentException("think time must not be negative, got " + thinkTime);
            }
            RunConfig.atMostADay("think time", thinkTime);
        }

        @Override
        public Load kind() {
            return Load.CLOSED;
        }
    }

    /**
     * @param ratePerSecond page loads started per second per cell
     * @param maxInFlight   most page loads in progress at once (one virtual browser each)
     */
    record Open(double ratePerSecond, int maxInFlight) implements LoadModel {
        public Open {
            if (!(ratePerSecond > 0 && ratePerSecond <= 10_000)) {
                throw new IllegalArgumentException("rate must be between 0 and 10000 page loads per second, got "
                        + ratePerSecond);
            }
            RunConfig.between("browsers", maxInFlight, 1000);
        }

        @Override
        public int browsers() {
            return maxInFlight;
        }

        @Override
        public Load kind() {
            return Load.OPEN;
        }

        /** Time between two intended starts. */
        long intervalNanos() {
            return (long) (1e9 / ratePerSecond);
        }
    }
}
