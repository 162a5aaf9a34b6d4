/**
 * The AWS shape locally: a host that feeds API Gateway HTTP API v2 events to Spring Cloud
 * Function's {@code FunctionInvoker} in a child JVM, as the Lambda runtime does, and the codec for
 * those events.
 */
package app.stride.local.aws;
