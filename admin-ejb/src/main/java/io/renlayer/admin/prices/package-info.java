/**
 * The model price table as operators change it.
 */
package io.renlayer.admin.prices;
