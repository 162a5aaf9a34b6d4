/**
 * The social stores on DynamoDB (enhanced client): one table per region, item kinds and keys in
 * {@link app.stride.social.aws.adapter.out.dynamodb.SocialItem}, single-item conditional writes on
 * a version attribute, listings continued from keys built out of the core's cursor values.
 */
package app.stride.social.aws.adapter.out.dynamodb;
