/**
 * The AWS KMS adapter of devices: {@link app.stride.devices.aws.adapter.out.kms.KmsTokenCipher}
 * encrypts provider tokens at rest with envelope encryption (a data key from KMS {@code
 * GenerateDataKey}, bound to the user and provider by the KMS encryption context and by the AES-GCM
 * authenticated data), configured by {@link app.stride.devices.aws.adapter.out.kms.KmsSettings}.
 */
package app.stride.devices.aws.adapter.out.kms;
