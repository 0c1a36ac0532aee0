/** A tenant's configuration of its plugins: which run for it and with what settings. */
package io.renlayer.admin.plugins;
