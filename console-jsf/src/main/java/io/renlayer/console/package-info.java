/**
 * The operator console (PrimeFaces): views that call the management services. A face: it never
 * sees the API or the proxy.
 */
package io.renlayer.console;
