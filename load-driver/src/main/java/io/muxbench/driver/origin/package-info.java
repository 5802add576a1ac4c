/** The embedded origin: a Jetty server that serves any scenario and counts requests in flight per connection. */
package io.muxbench.driver.origin;
