/**
 * The Cloud KMS adapter of devices: {@link
 * app.stride.devices.gcp.adapter.out.kms.CloudKmsTokenCipher} encrypts provider tokens at rest with
 * envelope encryption (a local data key wrapped by Cloud KMS {@code encrypt}, bound to the user and
 * provider by the additional authenticated data), over Cloud KMS's REST API, configured by {@link
 * app.stride.devices.gcp.adapter.out.kms.CloudKmsSettings}.
 */
package app.stride.devices.gcp.adapter.out.kms;
