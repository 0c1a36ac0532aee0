/**
 * The upstream simulator: speaks the providers' wire formats so tests and the quickstart need no
 * provider.
 */
package io.renlayer.sim;
