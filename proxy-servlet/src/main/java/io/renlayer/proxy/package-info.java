/**
 * The agent-facing proxy (proxy WAR): the servlet, the route table and the one finish of every
 * call. It depends on the runtime core and the SPI only.
 */
package io.renlayer.proxy;
