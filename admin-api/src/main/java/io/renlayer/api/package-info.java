/**
 * The Platform REST API (admin-api WAR): its JAX-RS application. A face: it turns HTTP into calls
 * of the management services and never sees the proxy or the console.
 */
package io.renlayer.api;
