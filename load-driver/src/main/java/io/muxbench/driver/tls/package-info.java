/** Certificates generated at start-up and the TLS contexts built on them; nothing secret is ever written to disk. */
package io.muxbench.driver.tls;
