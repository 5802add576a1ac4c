/**
 * The embedded origin: a Jetty server (HTTP/1.1, HTTP/2) and a Netty QUIC server (HTTP/3) that serve any scenario
 * from one table of answers and count requests in flight per connection.
 */
package io.muxbench.driver.origin;
