/**
 * Sign-in to the platform: passwords and one-time codes, the gateway's JWT signing keys, and
 * operator tokens.
 */
package io.renlayer.admin.auth;
