/**
 * The v1 resources, one per kind of thing (tenants, agents, keys, upstreams, policies, traces...):
 * thin, they read the request and call one service.
 */
package io.renlayer.api.v1;
