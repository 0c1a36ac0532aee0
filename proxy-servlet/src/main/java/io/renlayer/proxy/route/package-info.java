/**
 * The route table: each route's paths, dialect and stages.
 */
package io.renlayer.proxy.route;
