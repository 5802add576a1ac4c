/**
 * The literature suite ({@code run --suite literature}): the published h1/h2 results as sweeps of one
 * variable, run as ordinary runs, and each sweep's verdict against what was published.
 */
package io.muxbench.driver.literature;
