/**
 * The SQS adapter of devices: {@link app.stride.devices.aws.adapter.out.sqs.SqsWorkQueue} sends
 * verified webhook notifications and import jobs to the region's work queue ({@link
 * app.stride.devices.aws.adapter.out.sqs.WorkQueueSettings}).
 */
package app.stride.devices.aws.adapter.out.sqs;
