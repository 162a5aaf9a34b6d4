/**
 * The Lambda side of the function glue. Spring Cloud Function's {@code FunctionInvoker} is the
 * handler; it starts the deployable's {@code MAIN_CLASS} (an {@code ApplicationContextInitializer})
 * and calls the function named by {@code SPRING_CLOUD_FUNCTION_DEFINITION}. {@link
 * app.stride.aws.lambda.AwsFunctions} registers each neutral bean together with its AWS-typed twin:
 * API Gateway HTTP API v2 events, SQS batches with partial batch failure, and EventBridge Scheduler
 * events, each only decoded, handed to the neutral bean and encoded.
 */
package app.stride.aws.lambda;
