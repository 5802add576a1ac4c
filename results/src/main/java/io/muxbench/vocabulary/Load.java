package io.muxbench.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How page loads are started: by browsers that loop (closed load) or at a fixed rate (open load). */
public enum Load {
    /** N browsers, each starting its next page load when the last one ends (and any think time passed). */
    CLOSED("closed"),
    /** Page loads started at a fixed rate whatever the ones in progress do; times measured from the intended start. */
    OPEN("open");

    private final String id;

    Load(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Load of(String id) {
        for (Load load : values()) {
            if (load.id.equals(id)) {
                return load;
            }
        }
        throw new IllegalArgumentException("load must be closed or open, got '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
