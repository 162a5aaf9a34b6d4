/**
 * The queue adapter of profiles: consumes {@code app.stride.user.v1.deleted} batches (SQS on AWS,
 * Pub/Sub on GCP, both as neutral {@code QueueMessage}s), checks each message against the event's
 * JSON Schema, and calls the erasure use case. A message that cannot be read is reported as failed,
 * never dropped, so the transport retries it and finally dead-letters it.
 */
package app.stride.profiles.adapter.in.queue;
