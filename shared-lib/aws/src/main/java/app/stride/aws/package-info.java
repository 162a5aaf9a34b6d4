/**
 * The AWS side of the Stride kernel: DynamoDB store helpers ({@code dynamodb}), the SQS event
 * transport ({@code sqs}) and the Lambda entry adapters ({@code lambda}). Nothing here may depend
 * on a Google library; capability modules for AWS depend on this module and on {@code shared-core}.
 */
package app.stride.aws;
