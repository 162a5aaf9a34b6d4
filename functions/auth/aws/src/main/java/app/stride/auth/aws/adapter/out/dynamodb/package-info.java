/**
 * The DynamoDB adapters of the auth stores: accounts ({@link
 * app.stride.auth.aws.adapter.out.dynamodb.DynamoAccountStore}), sessions and refresh tokens
 * ({@link app.stride.auth.aws.adapter.out.dynamodb.DynamoSessionStore}) and one-time tokens ({@link
 * app.stride.auth.aws.adapter.out.dynamodb.DynamoOneTimeTokenStore}), all in one table per region
 * ({@link app.stride.auth.aws.adapter.out.dynamodb.AuthTableConfig}) keyed by {@code pk} alone, the
 * item kind in the key's prefix ({@link app.stride.auth.aws.adapter.out.dynamodb.AuthKeys}).
 * Persistence items ({@code ...Item}) and their mappers stay apart from the domain. Single-item
 * conditional writes only: no transactions, no PartiQL, no TTL API calls, no {@code
 * ReturnValuesOnConditionCheckFailure}.
 */
package app.stride.auth.aws.adapter.out.dynamodb;
