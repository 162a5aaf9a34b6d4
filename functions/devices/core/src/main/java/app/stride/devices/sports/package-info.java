/**
 * Sport codes of every source (FIT, GPX, TCX, Strava, Garmin, Polar, Suunto, Fitbit through the
 * Google Health API, Wahoo, COROS, HealthKit, Health Connect) mapped to the one {@code Sport} of
 * the activity model.
 */
package app.stride.devices.sports;
