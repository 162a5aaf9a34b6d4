/**
 * The S3 adapter of devices: {@link app.stride.devices.aws.adapter.out.s3.S3ObjectStore} keeps raw
 * originals and sample streams in the region's bucket, KMS-encrypted, configured by {@link
 * app.stride.devices.aws.adapter.out.s3.S3Settings}.
 */
package app.stride.devices.aws.adapter.out.s3;
