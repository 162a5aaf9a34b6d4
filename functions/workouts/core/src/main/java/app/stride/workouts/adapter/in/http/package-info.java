/**
 * The HTTP adapter of workouts: maps the API's JSON (quantities with units, a display block in the
 * caller's unit system) to the domain and back, reads query parameters and conditional headers, and
 * calls the use case. Cloud-neutral: both clouds' entries call it.
 */
package app.stride.workouts.adapter.in.http;
