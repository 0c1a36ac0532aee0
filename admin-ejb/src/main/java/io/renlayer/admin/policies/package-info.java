/**
 * Policies as the management side keeps them: drafts, the service that saves versions of them, and
 * the dry run that replays traces against a draft.
 */
package io.renlayer.admin.policies;
