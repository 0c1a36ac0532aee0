/**
 * MCP servers (Streamable HTTP) as an upstream provider plugin.
 */
package io.renlayer.plugins.upstream.mcp;
