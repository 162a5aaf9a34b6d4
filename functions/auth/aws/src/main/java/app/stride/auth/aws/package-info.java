/**
 * The auth capability on AWS: the Lambda deployable's wiring. Adapters live in {@code
 * adapter.out.dynamodb} (the region's auth table) and {@code adapter.out.ses} (mail).
 */
package app.stride.auth.aws;
