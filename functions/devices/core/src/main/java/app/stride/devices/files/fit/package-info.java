/**
 * FIT files through the Garmin FIT SDK: structural integrity first ({@code FitIntegrity}), then
 * decoding of session, lap, record, device_info and activity messages ({@code FitParser}).
 */
package app.stride.devices.files.fit;
