/**
 * The cloud-neutral kernel every Stride function uses. Nothing here imports a cloud SDK: the AWS
 * and GCP modules build on these types, so a capability's domain and use cases stay portable.
 */
package app.stride.core;
