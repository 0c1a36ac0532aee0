/**
 * Brings the database up: the embedded PostgreSQL when none is configured, the Flyway migrations,
 * and the SchemaReady event.
 */
package io.renlayer.admin.db;
