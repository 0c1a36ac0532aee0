/**
 * Tenant DLP rules and settings as the management side keeps them: entities, validation (RE2
 * patterns) and the services that change them.
 */
package io.renlayer.admin.dlp;
