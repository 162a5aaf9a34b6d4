/**
 * DynamoDB through the enhanced client, with the storage rules of DESIGN.md §4: single-item
 * conditional writes, optimistic versions ({@code VersionedRecordExtension}), no transactions, no
 * PartiQL, no TTL API calls. Failures are translated to the neutral {@code
 * VersionConflictException} and {@code StoreUnavailableException}; listings page with signed,
 * partition-bound cursors.
 */
package app.stride.aws.dynamodb;
