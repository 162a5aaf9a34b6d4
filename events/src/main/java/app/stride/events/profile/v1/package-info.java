/**
 * Version 1 of the profile domain's events: {@link app.stride.events.profile.v1.ProfileUpdated}
 * ({@code app.stride.profile.v1.updated}), schema {@code
 * events/schemas/profile/v1/updated.schema.json}.
 */
package app.stride.events.profile.v1;
