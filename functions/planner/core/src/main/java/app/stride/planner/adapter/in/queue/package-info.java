/**
 * The queue adapter of the planner data eraser: consumes {@code app.stride.user.v1.deleted} batches
 * (SQS on AWS, Pub/Sub on GCP, both as neutral {@code QueueMessage}s) and erases each user's plans
 * and calendar feed.
 */
package app.stride.planner.adapter.in.queue;
