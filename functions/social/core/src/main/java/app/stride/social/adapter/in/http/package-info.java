/**
 * The HTTP adapter of social: maps the API's JSON, path and query parameters to the use cases and
 * back. Cloud-neutral: both clouds' entries call it through {@link
 * app.stride.social.SocialFunctions#http}.
 */
package app.stride.social.adapter.in.http;
