/**
 * What MCP calls need beyond a model call: the path, the JSON-RPC messages and the tool allow-
 * list.
 */
package io.renlayer.proxy.mcp;
