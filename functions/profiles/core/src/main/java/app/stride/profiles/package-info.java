/**
 * Profiles: a user's about, goals and preferences, kept in their home region. {@link
 * app.stride.profiles.ProfilesFunctions} wires the capability from its ports.
 */
package app.stride.profiles;
