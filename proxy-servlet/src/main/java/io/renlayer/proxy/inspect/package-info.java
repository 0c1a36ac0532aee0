/**
 * Runs DLP detectors (built-in, vendor and tenant rules) on prompts and answers within their
 * budgets.
 */
package io.renlayer.proxy.inspect;
