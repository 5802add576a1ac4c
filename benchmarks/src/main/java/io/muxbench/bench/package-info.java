/**
 * JMH microbenchmarks of the framing (HPACK, HTTP/2 frames, HTTP/1.1) and TLS hot paths, and of the
 * driver's own cost per page load against the embedded origin.
 */
package io.muxbench.bench;
