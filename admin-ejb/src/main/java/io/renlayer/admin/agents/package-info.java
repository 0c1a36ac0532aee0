/**
 * Agents, the callers that keys belong to: their entity and service.
 */
package io.renlayer.admin.agents;
