/**
 * Small helpers every JPA service uses: a tenant-scoped lookup and keyset pages.
 */
package io.renlayer.admin.jpa;
