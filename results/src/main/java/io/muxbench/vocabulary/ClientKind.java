package io.muxbench.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who made a cell's page loads: the driver's own virtual browsers (the {@code --browsers} of a run),
 * or a real browser, Chromium (the {@code --browser chromium} of a run).
 */
public enum ClientKind {
    /** The load driver's virtual browsers, on muxbench's clients. */
    DRIVER("driver"),
    /** Headless Chromium, driven over the DevTools protocol. */
    CHROMIUM(ClientKind.CHROMIUM_ID);

    /** {@link #CHROMIUM}'s id, for annotations, which need a constant. */
    public static final String CHROMIUM_ID = "chromium";

    private final String id;

    ClientKind(String id) {
        this.id = id;
    }

    /** The name used in results. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Whether this is a real browser rather than the driver. */
    public boolean realBrowser() {
        return this != DRIVER;
    }

    /** A client by its id; a missing one (results written before clients were recorded) is the driver. */
    @JsonCreator
    public static ClientKind of(String id) {
        if (id == null) {
            return DRIVER;
        }
        for (ClientKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown client '" + id + "'; clients: driver, chromium");
    }

    @Override
    public String toString() {
        return id;
    }
}
