/**
 * Keyset pages and their opaque cursors.
 */
package io.renlayer.core.paging;
