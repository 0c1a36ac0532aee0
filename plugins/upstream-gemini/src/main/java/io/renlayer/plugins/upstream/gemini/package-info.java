/** Google's Gemini API as a provider plugin that owns its dialect. */
package io.renlayer.plugins.upstream.gemini;
