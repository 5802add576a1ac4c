/** The muxbench command line: one executable with subcommands. */
package io.muxbench.cli;
