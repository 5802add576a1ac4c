/**
 * What a mode is (one transport muxbench compares) and the modes it ships: each mode is one
 * {@link io.muxbench.driver.mode.Mode}, and nothing outside it switches on which mode it is.
 */
package io.muxbench.driver.mode;
