/**
 * The link emulator: a userspace TCP proxy that gives loopback connections a round-trip time, a
 * bandwidth shared per virtual browser, slow start and seeded segment loss ({@link io.muxbench.driver.link.LinkEmulator}).
 */
package io.muxbench.driver.link;
