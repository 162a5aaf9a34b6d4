/**
 * The HTTP adapter of profiles: maps the API's JSON to the domain and back, parses conditional
 * headers and JSON Merge Patch bodies, and calls the use case. Cloud-neutral: both clouds' entries
 * call it.
 */
package app.stride.profiles.adapter.in.http;
