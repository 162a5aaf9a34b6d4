/**
 * JMH benchmarks of the devices capability (issue 6, "Performance"), each measured beside a
 * baseline in the same run so that results are read as ratios: {@link
 * app.stride.bench.devices.ImportThroughputBenchmark} (file import) against {@link
 * app.stride.bench.devices.FitDecodeBaselineBenchmark} (the FIT SDK's bare decode), and {@link
 * app.stride.bench.devices.WebhookAckBenchmark} (a signed Polar webhook through the devices HTTP
 * function, in process) against a bare HMAC check. {@link
 * app.stride.bench.devices.DevicesBenchReport} runs them and prints the {@code RESULT} lines of
 * {@code bench/devices/run}. Depends on the devices module, its test fixtures and the shared kernel
 * only; nothing here is used by a function.
 */
package app.stride.bench.devices;
