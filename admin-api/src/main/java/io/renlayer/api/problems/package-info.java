/**
 * Errors as RFC 9457 problem JSON: the mappers of the services' exceptions, the request-body guard
 * and the last-resort error page. No stack trace leaves the API.
 */
package io.renlayer.api.problems;
