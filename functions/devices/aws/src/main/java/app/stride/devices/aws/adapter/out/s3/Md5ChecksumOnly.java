package app.stride.devices.aws.adapter.out.s3;

import software.amazon.awssdk.core.checksums.ChecksumSpecs;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * For S3-compatible servers that know only {@code Content-MD5} (s3proxy answers 501 to an {@code
 * x-amz-checksum-crc32} header): on a request whose checksum S3 requires (DeleteObjects) and that
 * already carries {@code Content-MD5} ({@link software.amazon.awssdk.services.s3.LegacyMd5Plugin},
 * which must run first), it marks the flexible checksum as not required, so the SDK, whose request
 * checksum calculation is then {@code WHEN_REQUIRED}, adds no CRC32 beside the MD5. Requests with
 * an algorithm chosen, or without {@code Content-MD5}, are left alone. Only the client of a local
 * endpoint uses it ({@link S3ObjectStore#client}).
 */
final class Md5ChecksumOnly implements ExecutionInterceptor {
  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    ChecksumSpecs specs = attributes.getAttribute(SdkExecutionAttribute.RESOLVED_CHECKSUM_SPECS);
    if (specs != null
        && specs.algorithmV2() == null
        && context.httpRequest().firstMatchingHeader("Content-MD5").isPresent()) {
      attributes.putAttribute(
          SdkExecutionAttribute.RESOLVED_CHECKSUM_SPECS,
          specs.toBuilder().isRequestChecksumRequired(false).build());
    }
    return context.httpRequest();
  }
}
