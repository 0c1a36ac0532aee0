/**
 * Liveness and readiness for load balancers and orchestrators, from the services' own view of the
 * database, Redis and the trace writer.
 */
package io.renlayer.api.health;
