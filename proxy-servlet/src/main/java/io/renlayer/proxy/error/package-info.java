/**
 * Errors the proxy answers, in the caller's dialect: OpenAI, Anthropic or JSON-RPC for MCP.
 */
package io.renlayer.proxy.error;
