/**
 * The DynamoDB adapters of devices, all in one table per region ({@code STRIDE_DEVICES_TABLE}):
 * {@link app.stride.devices.aws.adapter.out.dynamodb.DynamoActivityStore} (activities with a
 * per-item outbox, source claims, the by-start index) and {@link
 * app.stride.devices.aws.adapter.out.dynamodb.DynamoImportJobStore} (imports and file-hash claims),
 * {@link app.stride.devices.aws.adapter.out.dynamodb.DynamoConnectionStore} (provider connections
 * and provider-account claims), their persistence models ({@code ...Item}) and mappers. Single-item
 * conditional writes only, but for a deleted account's erasure, unconditional deletes batched by
 * {@link app.stride.aws.dynamodb.PartitionEraser}.
 */
package app.stride.devices.aws.adapter.out.dynamodb;
