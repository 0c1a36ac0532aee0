/**
 * Which networks the gateway may connect to on a tenant's behalf.
 */
package io.renlayer.core.net;
