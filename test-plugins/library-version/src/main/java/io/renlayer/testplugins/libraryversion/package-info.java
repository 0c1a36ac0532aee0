/** A detector that reports the Gson version its class loader sees, built twice with different versions. */
package io.renlayer.testplugins.libraryversion;
