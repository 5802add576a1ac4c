/** {@code muxbench merge}: shard run folders ({@code run --shard I/N}) added up into one ordinary run folder. */
package io.muxbench.results.merge;
