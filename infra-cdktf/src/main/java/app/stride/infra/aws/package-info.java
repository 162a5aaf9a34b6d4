/**
 * The AWS regional stack and its constructs. Each construct wraps a few Terraform resources and
 * exposes only the references other constructs need (ARNs, names), so IAM grants can name exactly
 * the region's own resources.
 */
package app.stride.infra.aws;
