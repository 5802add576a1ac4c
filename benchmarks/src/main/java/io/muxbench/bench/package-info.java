/** JMH microbenchmarks of the framing (HPACK, HTTP/2 frames, HTTP/1.1) and TLS hot paths. */
package io.muxbench.bench;
