/**
 * The devices routes of the mobile API: {@code /v1/activities/imports}, {@code
 * /v1/activities/{activityId}} and the providers' {@code /v1/webhooks/{provider}/{region}}.
 */
package app.stride.devices.adapter.in.http;
