/**
 * A tenant's platform users and their passwords.
 */
package io.renlayer.admin.users;
