package io.muxbench.cli;

import io.muxbench.driver.origin.Origin;
import java.io.IOException;

/** Starts the embedded origin for commands, turning a port already in use into a one-line error. */
final class Origins {

    private Origins() {
    }

    static Origin start(Origin.Options options) {
        try {
            return Origin.start(options);
        } catch (IOException e) {
            throw UserException.failed("cannot start the origin on " + options.host() + " (ports "
                    + options.cleartextPort() + ", " + options.tlsPort() + "): " + e.getMessage());
        } catch (Exception e) {
            throw UserException.failed("cannot start the origin: " + e);
        }
    }
}
