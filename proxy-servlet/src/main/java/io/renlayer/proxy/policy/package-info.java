/**
 * Evaluates the tenant's policies on the request and on the answer, streamed too.
 */
package io.renlayer.proxy.policy;
