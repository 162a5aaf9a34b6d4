package app.stride.devices.aws.adapter.out.s3;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.application.port.out.PresignedUpload;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * The devices object store on the region's S3 bucket. Every object is written with server-side
 * encryption under the region's KMS key when one is configured ({@code aws:kms}; the bucket policy
 * may also require it); locally no encryption header is sent. A missing object reads as empty; a
 * network failure, a throttled request or a 5xx is a {@link StoreUnavailableException}.
 *
 * <p>Upload URLs are presigned (SigV4, query-string) by the SDK's {@link S3Presigner} with the
 * function's own credentials, for one key, its content type, its exact {@code Content-Length} and
 * the encryption headers, so S3 refuses the URL for another object, type or size. No request is
 * made to sign; in Lambda the URL also stops working when the role's session credentials expire.
 *
 * <p>{@link #deleteUnder} lists a folder page by page (ListObjectsV2, at most {@value
 * #DELETE_BATCH} keys a page) and removes each page with one DeleteObjects call before listing the
 * next, so memory holds one page whatever the folder's size.
 */
public final class S3ObjectStore implements ObjectStore {
  /** How long one call, retries included, may take. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  /** Keys per listed page and per DeleteObjects call (S3's maximum for both). */
  static final int DELETE_BATCH = 1000;

  /**
   * The keys this store writes: {@code originals/<userId>/<importId>}, {@code
   * samples/<userId>/<activityId>/<streamId>} and, read only, {@code samples/<userId>/<activityId>}
   * (user ids are {@code [A-Za-z0-9._:@-]}); no empty, {@code .} or {@code ..} segment.
   */
  private static final Pattern KEY =
      Pattern.compile("(?!.*(^|/)\\.{0,2}(/|$))[A-Za-z0-9._:@/-]{1,1024}");

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final Optional<String> kmsKeyId;

  /** A store whose upload URLs are signed with {@code s3}'s region, endpoint and credentials. */
  public S3ObjectStore(S3Client s3, String bucket, Optional<String> kmsKeyId) {
    this(s3, presigner(s3), bucket, kmsKeyId);
  }

  public S3ObjectStore(
      S3Client s3, S3Presigner presigner, String bucket, Optional<String> kmsKeyId) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.kmsKeyId = kmsKeyId == null ? Optional.empty() : kmsKeyId;
  }

  /** The store for {@code settings}, with its own client ({@link #client(S3Settings)}). */
  public static S3ObjectStore of(S3Settings settings) {
    return new S3ObjectStore(client(settings), settings.bucket(), settings.kmsKeyId());
  }

  /**
   * A presigner configured like {@code s3} (region, credentials, endpoint override and path-style
   * addressing): building it reads no credentials and makes no request.
   */
  static S3Presigner presigner(S3Client s3) {
    S3ServiceClientConfiguration config = s3.serviceClientConfiguration();
    S3Presigner.Builder presigner =
        S3Presigner.builder()
            .s3Client(s3)
            .region(config.region())
            .credentialsProvider(config.credentialsProvider());
    config
        .endpointOverride()
        .ifPresent(
            endpoint ->
                presigner
                    .endpointOverride(endpoint)
                    .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return presigner.build();
  }

  /**
   * A client for the settings: the shared light HTTP client and region, and bounded calls. Against
   * a local endpoint it uses path-style requests (no bucket subdomains on loopback) and computes
   * checksums only where S3 requires them: S3-compatible servers such as s3proxy do not know the
   * SDK's default flexible checksums (trailing {@code x-amz-checksum-crc32} on every put, {@code
   * x-amz-checksum-mode} on every get), and send DeleteObjects' required checksum as {@code
   * Content-MD5} ({@link LegacyMd5Plugin}), as s3proxy refuses the SDK's flexible one with 501. In
   * the cloud the SDK's defaults stay.
   */
  public static S3Client client(S3Settings settings) {
    S3ClientBuilder builder =
        AwsClientDefaults.apply(S3Client.builder(), settings.awsRegion(), settings.endpoint())
            .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
    if (settings.endpoint().isPresent()) {
      builder
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
          .addPlugin(LegacyMd5Plugin.create())
          .addPlugin(
              config ->
                  config.overrideConfiguration(
                      config.overrideConfiguration().toBuilder()
                          .addExecutionInterceptor(new Md5ChecksumOnly())
                          .build()));
    }
    return builder.build();
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    Objects.requireNonNull(bytes, "bytes");
    PutObjectRequest request = putRequest(key, contentType);
    call(() -> s3.putObject(request, RequestBody.fromBytes(bytes)));
  }

  @Override
  public Optional<byte[]> get(String key) {
    GetObjectRequest request =
        GetObjectRequest.builder().bucket(bucket).key(requireKey(key)).build();
    try {
      return Optional.of(call(() -> s3.getObjectAsBytes(request).asByteArray()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String key) {
    DeleteObjectRequest request =
        DeleteObjectRequest.builder().bucket(bucket).key(requireKey(key)).build();
    call(() -> s3.deleteObject(request));
  }

  /**
   * Removes every object under the folder {@code prefix}, one listed page (up to {@value
   * #DELETE_BATCH} keys) per DeleteObjects call; returns how many it removed.
   *
   * @throws IllegalArgumentException when {@code prefix} is not a folder ({@link
   *     ObjectStore#requireFolder})
   * @throws StoreUnavailableException when S3 cannot be reached, or reports a key it did not delete
   *     (the objects deleted before stay deleted; a second call resumes)
   */
  @Override
  public int deleteUnder(String prefix) {
    ListObjectsV2Request list =
        ListObjectsV2Request.builder()
            .bucket(bucket)
            .prefix(ObjectStore.requireFolder(prefix))
            .maxKeys(DELETE_BATCH)
            .build();
    Iterator<ListObjectsV2Response> pages = call(() -> s3.listObjectsV2Paginator(list).iterator());
    int deleted = 0;
    while (call(pages::hasNext)) {
      ListObjectsV2Response page = call(pages::next);
      List<ObjectIdentifier> keys =
          page.contents().stream()
              .map(o -> ObjectIdentifier.builder().key(o.key()).build())
              .toList();
      if (!keys.isEmpty()) {
        deleteAll(keys);
        deleted += keys.size();
      }
    }
    return deleted;
  }

  /** One DeleteObjects call (quiet: S3 answers only the keys it failed to delete). */
  private void deleteAll(List<ObjectIdentifier> keys) {
    DeleteObjectsRequest request =
        DeleteObjectsRequest.builder()
            .bucket(bucket)
            .delete(Delete.builder().objects(keys).quiet(true).build())
            .build();
    DeleteObjectsResponse response = call(() -> s3.deleteObjects(request));
    if (response.hasErrors() && !response.errors().isEmpty()) {
      S3Error first = response.errors().get(0);
      throw new StoreUnavailableException(
          "object store",
          new IllegalStateException(
              response.errors().size()
                  + " of "
                  + keys.size()
                  + " objects not deleted, first "
                  + first.key()
                  + ": "
                  + first.code()
                  + " "
                  + first.message()));
    }
  }

  @Override
  public Optional<Long> size(String key) {
    HeadObjectRequest request =
        HeadObjectRequest.builder().bucket(bucket).key(requireKey(key)).build();
    try {
      return Optional.of(call(() -> s3.headObject(request).contentLength()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<InputStream> open(String key) {
    GetObjectRequest request =
        GetObjectRequest.builder().bucket(bucket).key(requireKey(key)).build();
    try {
      return Optional.of(call(() -> s3.getObject(request)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean signsUploads() {
    return true;
  }

  @Override
  public PresignedUpload presignPut(String key, String contentType, long size, Duration lifetime) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    PutObjectRequest put = putRequest(key, contentType).toBuilder().contentLength(size).build();
    PresignedPutObjectRequest signed =
        presigner.presignPutObject(
            PutObjectPresignRequest.builder()
                .signatureDuration(lifetime)
                .putObjectRequest(put)
                .build());
    Map<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, List<String>> header : signed.signedHeaders().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("host")) {
        headers.put(header.getKey(), String.join(",", header.getValue()));
      }
    }
    return new PresignedUpload(
        URI.create(signed.url().toString()),
        signed.httpRequest().method().name(),
        headers,
        signed.expiration());
  }

  /** The put request of {@code key}: with the KMS encryption headers when a key is configured. */
  PutObjectRequest putRequest(String key, String contentType) {
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(requireKey(key))
            .contentType(Objects.requireNonNull(contentType, "contentType"));
    kmsKeyId.ifPresent(
        id -> request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(id));
    return request.build();
  }

  private static String requireKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not an object key of this store");
    }
    return key;
  }

  private static <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (NoSuchKeyException e) {
      throw e;
    } catch (SdkException e) {
      if (isUnavailable(e)) {
        throw new StoreUnavailableException("object store", e);
      }
      throw e;
    }
  }

  private static boolean isUnavailable(SdkException e) {
    if (e instanceof SdkClientException) {
      return true;
    }
    return e instanceof AwsServiceException service
        && (service.isThrottlingException() || service.statusCode() >= 500);
  }
}
