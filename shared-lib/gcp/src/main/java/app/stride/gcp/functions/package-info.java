/**
 * The thin Google Cloud Functions entries (Functions Framework API): each starts the capability's
 * Spring Cloud Function context once, without scanning, and translates the framework's request or
 * CloudEvent into the cloud-neutral shapes ({@code ApiRequest}, {@code QueueMessage}, {@code
 * ScheduledTick}) for the same function beans the AWS entries call.
 */
package app.stride.gcp.functions;
