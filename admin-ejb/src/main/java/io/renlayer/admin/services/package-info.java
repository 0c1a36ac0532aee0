/**
 * Registered services: plain HTTP APIs a tenant puts behind the gateway.
 */
package io.renlayer.admin.services;
