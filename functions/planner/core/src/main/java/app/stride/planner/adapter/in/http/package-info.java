/**
 * The HTTP adapter of the planner: parses path and query parameters and bodies, negotiates the
 * answer's language ({@code Accept-Language}, English fallback), maps the domain to the API's JSON
 * (every text as its message key and resolved text) and calls the use cases. Cloud-neutral: both
 * clouds' entries call it.
 */
package app.stride.planner.adapter.in.http;
