/**
 * {@code muxbench ceiling}: how many page loads and requests per second this machine can drive over
 * each mode, at what CPU per request for the driver and the origin, beside h2load on the same target.
 */
package io.muxbench.driver.ceiling;
