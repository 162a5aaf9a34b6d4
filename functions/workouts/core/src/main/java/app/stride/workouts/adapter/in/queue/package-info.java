/**
 * The queue adapter of the workouts data eraser: consumes {@code app.stride.user.v1.deleted}
 * batches (SQS on AWS, Pub/Sub on GCP, both as neutral {@code QueueMessage}s) and erases each
 * user's workouts, delete markers and idempotency claims.
 */
package app.stride.workouts.adapter.in.queue;
