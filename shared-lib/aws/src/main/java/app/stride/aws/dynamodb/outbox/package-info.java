/**
 * The per-item outbox shared by every capability's DynamoDB table: pending events stored in the
 * changed item itself, and the sparse index the outbox relay reads.
 */
package app.stride.aws.dynamodb.outbox;
