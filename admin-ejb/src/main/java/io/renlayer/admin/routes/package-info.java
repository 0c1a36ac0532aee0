/**
 * The route switches operators use to turn a proxy route off.
 */
package io.renlayer.admin.routes;
