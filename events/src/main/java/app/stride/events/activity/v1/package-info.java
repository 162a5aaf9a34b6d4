/**
 * Version 1 of the activity domain's events, published by the devices function: {@link
 * app.stride.events.activity.v1.ActivityImported} ({@code app.stride.activity.v1.imported}), {@link
 * app.stride.events.activity.v1.ActivityMerged} ({@code app.stride.activity.v1.merged}) and {@link
 * app.stride.events.activity.v1.ActivityUpdated} ({@code app.stride.activity.v1.updated}), schemas
 * under {@code events/schemas/activity/v1/}.
 */
package app.stride.events.activity.v1;
