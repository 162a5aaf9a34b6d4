/**
 * Reading configuration once, at the edge, into typed records (STYLE.md: configuration at the
 * edge).
 */
package app.stride.core.config;
