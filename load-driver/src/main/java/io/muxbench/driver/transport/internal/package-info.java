/** Transport internals: the measuring client connector and the pipelined HTTP/1.1 connection. */
package io.muxbench.driver.transport.internal;
