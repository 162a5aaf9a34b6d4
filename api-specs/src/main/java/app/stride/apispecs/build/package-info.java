/**
 * Build-time tooling of the specs module (YAML to JSON); left out of the jar, and the only code
 * here that uses Jackson (provided scope).
 */
package app.stride.apispecs.build;
