/**
 * Real-browser page loads for calibration: headless Chromium driven over the DevTools protocol
 * ({@link io.muxbench.driver.chromium.DevToolsConnection}). The driver's own browsers are the virtual
 * browsers of {@code io.muxbench.driver.transport}, one {@code BrowserClient} each.
 */
package io.muxbench.driver.chromium;
