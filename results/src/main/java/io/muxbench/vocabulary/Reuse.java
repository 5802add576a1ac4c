package io.muxbench.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Whether a browser's connections live from one page load to the next. */
public enum Reuse {
    /** New connections (and TLS handshakes) every page load: a first visit. */
    COLD("cold"),
    /** Connections kept open between a browser's page loads: a return visit. */
    WARM("warm");

    private final String id;

    Reuse(String id) {
        this.id = id;
    }

    /** The name used on the command line and in results. */
    @JsonValue
    public String id() {
        return id;
    }

    /** A reuse by its id. */
    @JsonCreator
    public static Reuse of(String id) {
        for (Reuse reuse : values()) {
            if (reuse.id.equals(id)) {
                return reuse;
            }
        }
        throw new IllegalArgumentException("reuse must be " + String.join(", ", ids()) + ", got '" + id + "'");
    }

    /** Every reuse's id, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Reuse::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
