package io.muxbench.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * {@code results.json}: one entry per cell.
 *
 * @param schemaVersion {@link ResultsFormat#SCHEMA_VERSION}
 * @param runId         the run this belongs to
 * @param complete      false when the run stopped before every cell finished
 * @param cells         the cells, in the order they were configured
 */
@JsonPropertyOrder({"schemaVersion", "runId", "complete", "cells"})
public record Results(int schemaVersion, String runId, boolean complete, List<CellResult> cells) {
    public Results {
        Objects.requireNonNull(runId, "runId");
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
