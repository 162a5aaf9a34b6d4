/**
 * The planner's DynamoDB adapters: {@link
 * app.stride.planner.aws.adapter.out.dynamodb.DynamoMyPlanStore} (one item per plan, conditional
 * writes on its version), {@link
 * app.stride.planner.aws.adapter.out.dynamodb.DynamoCalendarFeedStore} (a user's feed item and
 * token lookups in the same table) and the read-only {@link
 * app.stride.planner.aws.adapter.out.dynamodb.DynamoWorkoutSummaries} over the workouts table.
 */
package app.stride.planner.aws.adapter.out.dynamodb;
