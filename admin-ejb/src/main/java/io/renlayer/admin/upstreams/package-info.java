/**
 * Upstreams: the model providers and MCP servers a tenant's calls go to, with the credentials only
 * the gateway knows.
 */
package io.renlayer.admin.upstreams;
