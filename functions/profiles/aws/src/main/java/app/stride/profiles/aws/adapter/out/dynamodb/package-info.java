/**
 * The DynamoDB adapter of the profile store: {@link
 * app.stride.profiles.aws.adapter.out.dynamodb.ProfileItem} (persistence model, key design and
 * outbox layout), its mapper to the domain {@code Profile}, and {@link
 * app.stride.profiles.aws.adapter.out.dynamodb.DynamoProfileStore}, bound to one region and one
 * table.
 */
package app.stride.profiles.aws.adapter.out.dynamodb;
