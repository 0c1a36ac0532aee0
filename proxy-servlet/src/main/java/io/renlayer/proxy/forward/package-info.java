/**
 * Sends a call upstream and relays the answer: the HTTP client, the attempts a call may make,
 * header rules and the relay of bodies and streams.
 */
package io.renlayer.proxy.forward;
