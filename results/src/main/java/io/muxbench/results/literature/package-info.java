/** The literature suite's file, {@code literature.json}: each study's measured points beside the published ones, and its verdict. */
package io.muxbench.results.literature;
