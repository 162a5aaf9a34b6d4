/**
 * The DynamoDB adapters of workouts: {@link
 * app.stride.workouts.aws.adapter.out.dynamodb.WorkoutItem} (persistence model, key schema shared
 * with the planner, outbox and delete-marker layout), {@link
 * app.stride.workouts.aws.adapter.out.dynamodb.IdempotencyItem}, the mapper, {@link
 * app.stride.workouts.aws.adapter.out.dynamodb.DynamoWorkoutStore} (one region, one table; the
 * erasure of a user's partition through {@link app.stride.aws.dynamodb.PartitionEraser}) and {@link
 * app.stride.workouts.aws.adapter.out.dynamodb.DynamoUnitPreferences} (read-only units from the
 * profiles table).
 */
package app.stride.workouts.aws.adapter.out.dynamodb;
