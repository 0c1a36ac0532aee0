/**
 * The DLP benchmark and precision evaluation, run from bench/.
 */
package io.renlayer.bench.dlp;
