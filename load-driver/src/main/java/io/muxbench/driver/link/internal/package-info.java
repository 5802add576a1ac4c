/** The link emulator's machinery: one selector thread, its timer heap, per-browser bottlenecks and per-direction flows. */
package io.muxbench.driver.link.internal;
