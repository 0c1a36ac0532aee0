/**
 * The Anthropic Messages dialect as an upstream provider plugin.
 */
package io.renlayer.plugins.upstream.anthropic;
