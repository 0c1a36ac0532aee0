/**
 * How limits are stored on the entities that carry them (an embeddable of columns).
 */
package io.renlayer.admin.limits;
