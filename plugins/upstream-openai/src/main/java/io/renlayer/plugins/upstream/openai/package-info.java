/**
 * The OpenAI dialect (and Azure OpenAI deployments) as an upstream provider plugin.
 */
package io.renlayer.plugins.upstream.openai;
