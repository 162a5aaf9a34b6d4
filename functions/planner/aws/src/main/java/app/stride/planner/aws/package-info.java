/**
 * The planner on AWS: configuration from the environment and the Lambda deployable's Spring
 * initializer ({@link app.stride.planner.aws.PlannerAwsApplication}).
 */
package app.stride.planner.aws;
