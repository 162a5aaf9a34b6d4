/**
 * Metrics output on Google Cloud: the edge's Micrometer meters pushed to Cloud Monitoring by
 * Micrometer's Stackdriver registry, configured from the environment by {@link
 * app.stride.gcp.metrics.CloudMonitoringConfig} and built by {@link
 * app.stride.gcp.metrics.CloudMonitoring}.
 */
package app.stride.gcp.metrics;
