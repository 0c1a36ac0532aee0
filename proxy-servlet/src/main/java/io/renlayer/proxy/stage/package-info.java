/**
 * The stages of the model routes, in the order the route table lists them: accept, authenticate,
 * read, resolve, guard, admit, scan.
 */
package io.renlayer.proxy.stage;
