/** Real-browser page loads for calibration: headless Chromium driven over the DevTools protocol. */
package io.muxbench.driver.browser;
