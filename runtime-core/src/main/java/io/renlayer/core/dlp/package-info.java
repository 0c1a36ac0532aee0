/**
 * A tenant's DLP rules compiled for scanning (RE2, linear time).
 */
package io.renlayer.core.dlp;
