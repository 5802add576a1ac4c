/**
 * The system's few words, each spelled once: a mode's description ({@link ModeDescription}), connection
 * reuse ({@link Reuse}), a TLS version ({@link TlsVersion}), closed or open load ({@link Load}), who made the page loads ({@link ClientKind}), a cell's identity ({@link CellKey}),
 * why something failed ({@link ErrorCause}) and a run's configuration as recorded ({@link RunConfiguration}).
 * The load driver, the report and compare all use these; none of them spells the words as strings.
 */
package io.muxbench.vocabulary;
