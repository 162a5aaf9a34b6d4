package app.stride.devices.gcp.adapter.out.gcs;

import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.application.port.out.PresignedUpload;
import com.google.api.gax.paging.Page;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageBatch;
import com.google.cloud.storage.StorageBatchResult;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The devices object store on the region's Cloud Storage bucket. Encryption at rest is the bucket's
 * default customer-managed key (Cloud KMS, set by infra), so writes carry no key of their own. A
 * missing object reads as empty; a network failure, a 429 or a 5xx is a {@link
 * StoreUnavailableException}.
 *
 * <p>Upload URLs are V4 signed URLs ({@link Storage#signUrl}) signed with the client's credentials:
 * in Cloud Functions the function's service account, which signs through the IAM Credentials API
 * ({@code signBlob}; infra grants the account {@code iam.serviceAccountTokenCreator} on itself).
 * Each is for one object, {@code PUT}, with {@code Content-Type} and {@code
 * x-goog-content-length-range: size,size} signed, so Cloud Storage refuses another object, type or
 * size. The local platform's in-memory bucket has no signing key: it cannot serve uploads.
 */
public final class GcsObjectStore implements ObjectStore {
  /** How long one call, retries included, may take. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final int NOT_FOUND = 404;

  /** Objects listed and deleted per round of {@link #deleteUnder}; 100 is one batch request. */
  static final int DELETE_PAGE = 100;

  /**
   * The keys this store writes: {@code originals/<userId>/<importId>}, {@code
   * samples/<userId>/<activityId>/<streamId>} and, read only, {@code
   * samples/<userId>/<activityId>}; no empty, {@code .} or {@code ..} segment.
   */
  private static final Pattern KEY =
      Pattern.compile("(?!.*(^|/)\\.{0,2}(/|$))[A-Za-z0-9._:@/-]{1,1024}");

  /** The chunk a stream reads per request from Cloud Storage. */
  private static final int READ_CHUNK = 2 * 1024 * 1024;

  private final Storage storage;
  private final String bucket;
  private final Clock clock;
  private final boolean signs;

  public GcsObjectStore(Storage storage, String bucket) {
    this(storage, bucket, Clock.systemUTC(), true);
  }

  /**
   * @param signs whether {@code storage} can sign URLs (the function's service account can; the
   *     local platform's in-memory bucket cannot)
   */
  public GcsObjectStore(Storage storage, String bucket, Clock clock, boolean signs) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signs = signs;
  }

  @Override
  public boolean signsUploads() {
    return signs;
  }

  /**
   * A client for the function's project with Application Default Credentials (the function's
   * service account) and bounded calls.
   */
  public static Storage client(GcsSettings settings) {
    StorageOptions.Builder options =
        StorageOptions.newBuilder()
            .setRetrySettings(
                RetrySettings.newBuilder()
                    .setTotalTimeoutDuration(CALL_TIMEOUT)
                    .setInitialRetryDelayDuration(Duration.ofMillis(50))
                    .setRetryDelayMultiplier(2.0)
                    .setMaxRetryDelayDuration(Duration.ofSeconds(1))
                    .setMaxAttempts(3)
                    .build());
    settings.projectId().ifPresent(options::setProjectId);
    return options.build().getService();
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    Objects.requireNonNull(bytes, "bytes");
    BlobInfo blob =
        BlobInfo.newBuilder(blobId(key))
            .setContentType(Objects.requireNonNull(contentType, "contentType"))
            .build();
    call(() -> storage.create(blob, bytes));
  }

  @Override
  public Optional<byte[]> get(String key) {
    BlobId id = blobId(key);
    try {
      return Optional.of(call(() -> storage.readAllBytes(id)));
    } catch (StorageException e) {
      if (e.getCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    BlobId id = blobId(key);
    call(() -> storage.delete(id));
  }

  /**
   * Lists the first {@value #DELETE_PAGE} objects under {@code prefix} (names only), deletes them
   * in one batch request, and lists again, until a listing comes back empty: deleted objects drop
   * out of the listing (it is strongly consistent), so no page token is kept and memory holds one
   * page whatever the number. An object already gone (404, a concurrent erasure) is not counted; a
   * round that finds only such objects ends the call, so a listing that kept naming them could not
   * spin. Any other failed delete fails the call, mapped as the other methods' failures, after the
   * rest of its page was tried. The local platform's in-memory bucket has no batch endpoint: there
   * each object of a page is deleted on its own.
   */
  @Override
  public int deleteUnder(String prefix) {
    ObjectStore.requireFolder(prefix);
    int removed = 0;
    while (true) {
      List<BlobId> page = new ArrayList<>(DELETE_PAGE);
      for (Blob blob : call(() -> firstPage(prefix)).getValues()) {
        page.add(BlobId.of(bucket, blob.getName()));
      }
      int round = page.isEmpty() ? 0 : deleteAll(page);
      removed += round;
      if (round == 0) {
        return removed;
      }
    }
  }

  private Page<Blob> firstPage(String prefix) {
    return storage.list(
        bucket,
        Storage.BlobListOption.prefix(prefix),
        Storage.BlobListOption.pageSize(DELETE_PAGE),
        Storage.BlobListOption.fields(Storage.BlobField.NAME));
  }

  /** Deletes one page of objects; returns how many existed. */
  private int deleteAll(List<BlobId> ids) {
    StorageBatch batch;
    try {
      batch = storage.batch();
    } catch (UnsupportedOperationException e) {
      return deleteEach(ids);
    }
    List<StorageBatchResult<Boolean>> results = new ArrayList<>(ids.size());
    for (BlobId id : ids) {
      results.add(batch.delete(id));
    }
    call(
        () -> {
          batch.submit();
          return null;
        });
    int removed = 0;
    for (StorageBatchResult<Boolean> result : results) {
      removed += deleted(result) ? 1 : 0;
    }
    return removed;
  }

  private int deleteEach(List<BlobId> ids) {
    int removed = 0;
    for (BlobId id : ids) {
      removed += call(() -> storage.delete(id)) ? 1 : 0;
    }
    return removed;
  }

  /**
   * Whether one delete of a submitted batch removed its object: the client answers a part that
   * found no object (404) as {@code false} (GcsBatchDeleteIT), and throws for any other failure.
   */
  private static boolean deleted(StorageBatchResult<Boolean> result) {
    try {
      return Boolean.TRUE.equals(result.get());
    } catch (StorageException e) {
      throw mapped(e);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    BlobId id = blobId(key);
    return Optional.ofNullable(call(() -> storage.get(id))).map(Blob::getSize);
  }

  @Override
  public Optional<InputStream> open(String key) {
    BlobId id = blobId(key);
    Blob blob = call(() -> storage.get(id));
    if (blob == null) {
      return Optional.empty();
    }
    // Pinned to the generation just read, so a concurrent overwrite cannot splice two objects.
    ReadChannel channel = storage.reader(blob.getBlobId());
    channel.setChunkSize(READ_CHUNK);
    return Optional.of(Channels.newInputStream(channel));
  }

  @Override
  public PresignedUpload presignPut(String key, String contentType, long size, Duration lifetime) {
    if (!signs) {
      throw new UnsupportedOperationException("this bucket does not sign uploads");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    Map<String, String> headers = new TreeMap<>();
    headers.put("Content-Type", Objects.requireNonNull(contentType, "contentType"));
    headers.put("x-goog-content-length-range", size + "," + size);
    BlobInfo blob = BlobInfo.newBuilder(blobId(key)).build();
    // The client stamps the signature with its own clock at whole seconds: count from the second.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    URL url =
        storage.signUrl(
            blob,
            lifetime.toSeconds(),
            TimeUnit.SECONDS,
            Storage.SignUrlOption.httpMethod(HttpMethod.PUT),
            Storage.SignUrlOption.withV4Signature(),
            Storage.SignUrlOption.withExtHeaders(headers));
    try {
      return new PresignedUpload(url.toURI(), "PUT", headers, now.plus(lifetime));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the client signed a malformed URL", e);
    }
  }

  private BlobId blobId(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not an object key of this store");
    }
    return BlobId.of(bucket, key);
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (StorageException e) {
      throw mapped(e);
    }
  }

  private static RuntimeException mapped(StorageException e) {
    return isUnavailable(e) ? new StoreUnavailableException("object store", e) : e;
  }

  /** Code 0 is the client's own (I/O) failure; 408, 429 and 5xx are the service's "later". */
  private static boolean isUnavailable(StorageException e) {
    int code = e.getCode();
    return code == 0 || code == 408 || code == 429 || code >= 500;
  }
}
