/**
 * The Kubernetes objects of a sharded run ({@code muxbench k8s}): an Indexed Job whose pods each run
 * one shard, the ConfigMap holding its scenario files and the claim its shards write their folders to.
 */
package io.muxbench.k8s;
