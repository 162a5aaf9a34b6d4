/**
 * The chat channel's way out on AWS: {@link
 * app.stride.social.aws.adapter.out.apigateway.ManagementApiPush} over API Gateway's management
 * API.
 */
package app.stride.social.aws.adapter.out.apigateway;
