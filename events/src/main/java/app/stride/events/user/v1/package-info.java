/**
 * Version 1 of the user domain's events: {@link app.stride.events.user.v1.UserDeleted} ({@code
 * app.stride.user.v1.deleted}), schema {@code events/schemas/user/v1/deleted.schema.json}.
 */
package app.stride.events.user.v1;
