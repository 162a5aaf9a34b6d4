/**
 * The devices routes of the mobile API: {@code /v1/activities/imports}, {@code
 * /v1/activities/{activityId}}, {@code /v1/history} and the providers' {@code
 * /v1/webhooks/{provider}/{region}}.
 */
package app.stride.devices.adapter.in.http;
