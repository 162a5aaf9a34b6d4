/**
 * The devices capability on AWS: store adapters under {@code adapter.out} (DynamoDB, S3, SQS); the
 * Lambda deployable's wiring lives beside them.
 */
package app.stride.devices.aws;
