/**
 * The pipeline's parts: the exchange a call's stages fill in, the stage contract and how a call
 * ends.
 */
package io.renlayer.proxy.pipeline;
