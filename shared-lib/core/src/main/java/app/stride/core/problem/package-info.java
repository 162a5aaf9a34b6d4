/**
 * RFC 9457 problem details: the one error shape every Stride function answers with, with stable
 * {@code type} URIs that clients can switch on.
 */
package app.stride.core.problem;
