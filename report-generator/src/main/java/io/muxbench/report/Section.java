package io.muxbench.report;

import java.util.function.Function;

/**
 * One part of the report: a {@code <section>} with a stable id that links and tests can find.
 *
 * @param id    the section element's id
 * @param title the heading, plain text, which may name what the run measured (its baseline mode, say)
 * @param body  renders the section's body (without the section element and heading)
 */
record Section(String id, Function<ReportData, String> title, Function<ReportData, String> body) {

    /** A section whose heading is the same for every run. */
    Section(String id, String title, Function<ReportData, String> body) {
        this(id, data -> title, body);
    }
}
