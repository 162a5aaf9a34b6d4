package app.stride.core.problem;

/**
 * One failed check of a request, located by a JSON pointer (RFC 6901) into the request body, or by
 * a parameter name prefixed with its location ({@code header:If-Match}).
 */
public record FieldError(String pointer, String message) {}
