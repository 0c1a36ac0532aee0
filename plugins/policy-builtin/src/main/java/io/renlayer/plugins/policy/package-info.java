/** The policy actions the gateway ships: allow, flag, redact, deny and route. */
package io.renlayer.plugins.policy;
