/**
 * Activity XML through StAX with DTDs and external entities off: GPX ({@code GpxParser}), TCX
 * ({@code TcxParser}) and the Workout elements of an Apple Health export ({@code
 * AppleHealthExport}).
 */
package app.stride.devices.files.xml;
