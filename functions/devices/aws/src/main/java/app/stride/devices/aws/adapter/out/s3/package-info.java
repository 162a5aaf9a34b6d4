/**
 * The S3 adapter of devices: {@link app.stride.devices.aws.adapter.out.s3.S3ObjectStore} keeps raw
 * originals and sample streams in the region's bucket, KMS-encrypted, configured by {@link
 * app.stride.devices.aws.adapter.out.s3.S3Settings}, and erases a deleted user's folders; {@link
 * app.stride.devices.aws.adapter.out.s3.Md5ChecksumOnly} fits its local client to s3proxy.
 */
package app.stride.devices.aws.adapter.out.s3;
