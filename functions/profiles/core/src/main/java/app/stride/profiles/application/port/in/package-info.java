/** The profile use cases, as the HTTP adapter sees them. */
package app.stride.profiles.application.port.in;
