/**
 * Plugins that misbehave on purpose, for the isolation tests.
 */
package io.renlayer.testplugins;
