/**
 * Secrets of an AWS function read from Secrets Manager once, before its configuration is read:
 * {@link app.stride.aws.secrets.SecretsOverlay} turns the ARNs infra passes ({@code <NAME>_ARN}, or
 * one settings bundle {@code STRIDE_SECRETS_BUNDLE_ARN}) into the plain variables the code reads.
 * Values are never logged nor put in exception messages.
 */
package app.stride.aws.secrets;
