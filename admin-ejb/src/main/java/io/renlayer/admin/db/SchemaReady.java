package io.renlayer.admin.db;

/**
 * Fired (synchronously) when the schema is current, before the gateway reports ready: services
 * that must set up rows of their own on a first start observe it, and a failure of theirs holds
 * the gateway unready and is retried with the migrations.
 */
public record SchemaReady() {}
