/** The three transports a virtual browser loads pages over: h1 (Jetty, 6 connections), h1-pipelined (our own client on Jetty's HTTP parser and generator) and h2 (Jetty, one connection). */
package io.muxbench.driver.transport;
