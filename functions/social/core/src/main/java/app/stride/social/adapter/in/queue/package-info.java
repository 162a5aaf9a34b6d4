/**
 * The queue adapter of the social data eraser: consumes {@code app.stride.user.v1.deleted} batches
 * (SQS on AWS, Pub/Sub on GCP, both as neutral {@code QueueMessage}s) and erases each user's
 * messages, memberships, join requests and invites in the serving region.
 */
package app.stride.social.adapter.in.queue;
