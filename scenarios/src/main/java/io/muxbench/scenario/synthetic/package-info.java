/** Synthetic pages named on the command line ({@code synthetic:100x2kb}): a document and N equal objects, no file. */
package io.muxbench.scenario.synthetic;
