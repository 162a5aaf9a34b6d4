/**
 * Metrics output on AWS: {@link app.stride.aws.metrics.EmfMeterRegistry} writes the edge's
 * Micrometer meters as CloudWatch Embedded Metric Format lines to standard output, from which
 * CloudWatch Logs extracts them; {@link app.stride.aws.metrics.EmfConfig} sets namespace and step.
 */
package app.stride.aws.metrics;
