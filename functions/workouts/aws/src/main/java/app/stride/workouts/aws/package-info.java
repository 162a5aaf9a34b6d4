/**
 * The workouts capability's AWS deployable: {@link app.stride.workouts.aws.WorkoutsAwsApplication}
 * wires the neutral functions of {@code app.stride.workouts.WorkoutsFunctions} to DynamoDB and SQS
 * and registers them with their Lambda-typed twins.
 */
package app.stride.workouts.aws;
