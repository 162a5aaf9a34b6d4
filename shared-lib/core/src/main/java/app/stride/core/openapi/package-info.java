/**
 * The OpenAPI contract at run time: routes are matched and requests validated against the spec in
 * {@code api-specs/}, before any capability logic runs.
 */
package app.stride.core.openapi;
