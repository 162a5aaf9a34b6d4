/**
 * The SQS event transport: {@link app.stride.aws.sqs.SqsEventPublisher} sends structured-mode
 * CloudEvents to the region's events queue, the trigger of the consuming functions.
 */
package app.stride.aws.sqs;
