package io.muxbench.report;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One part of the report: a {@code <section>} with a stable id that links and tests can find.
 *
 * @param id    the section element's id
 * @param title the heading, plain text, which may name what the run measured (its baseline mode, say)
 * @param body  renders the section's body (without the section element and heading)
 * @param shown whether the run has anything for this section; a section not shown has no heading and no link
 */
record Section(String id, Function<ReportData, String> title, Function<ReportData, String> body,
               Predicate<ReportData> shown) {

    /** A section every report has. */
    Section(String id, Function<ReportData, String> title, Function<ReportData, String> body) {
        this(id, title, body, data -> true);
    }

    /** A section whose heading is the same for every run. */
    Section(String id, String title, Function<ReportData, String> body) {
        this(id, data -> title, body);
    }
}
