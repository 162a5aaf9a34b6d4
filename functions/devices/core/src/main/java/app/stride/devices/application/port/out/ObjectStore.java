package app.stride.devices.application.port.out;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The region's bucket (S3 / Cloud Storage, encrypted at rest, lifecycle-managed): raw originals
 * under {@code originals/<userId>/<importId>} and sample streams under {@code
 * samples/<userId>/<activityId>/<streamId>}, one object per stream write (older activities: {@code
 * samples/<userId>/<activityId>}). May throw {@link
 * app.stride.core.store.StoreUnavailableException}.
 *
 * <p>The reading and signing methods have defaults built on {@link #get} (and, for signing, none)
 * so a store that never serves uploads need not implement them; the cloud adapters override all.
 */
public interface ObjectStore {
  /** Stores {@code bytes} under {@code key}, replacing any object there. */
  void put(String key, byte[] bytes, String contentType);

  /** The object under {@code key}, if any. */
  Optional<byte[]> get(String key);

  /** Removes the object under {@code key}; no error when there is none. */
  void delete(String key);

  /**
   * Removes every object whose key starts with {@code prefix} (a deleted user's {@code
   * originals/<userId>/} and {@code samples/<userId>/}), listing page by page so any number is
   * removed in bounded memory; returns how many it removed. Versioned buckets keep the removed
   * objects' old versions until the lifecycle rule expires them.
   *
   * @throws IllegalArgumentException when {@code prefix} is not a folder of an owner ({@link
   *     #requireFolder})
   */
  int deleteUnder(String prefix);

  /**
   * Checks a {@link #deleteUnder} prefix: at least two whole, non-empty path segments (an area and
   * an owner, {@code samples/<userId>/}), ending with a slash. Without the slash {@code
   * samples/usr_1} would also match {@code samples/usr_10/...}, another user's objects; with one
   * segment ({@code samples/}) a single call would remove every user's.
   */
  static String requireFolder(String prefix) {
    if (prefix == null || !prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must be a folder ending with /");
    }
    String[] segments = prefix.substring(0, prefix.length() - 1).split("/", -1);
    if (segments.length < 2 || java.util.Arrays.stream(segments).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("prefix must name an area and an owner: <area>/<owner>/");
    }
    return prefix;
  }

  /**
   * The size in bytes of the object under {@code key}, if there is one (a metadata read; the
   * content is not fetched).
   */
  default Optional<Long> size(String key) {
    return get(key).map(bytes -> (long) bytes.length);
  }

  /**
   * The object under {@code key} as a stream, if there is one: read it once and close it. The cloud
   * adapters stream from the bucket, so a large original is never held in memory whole.
   */
  default Optional<InputStream> open(String key) {
    return get(key).map(ByteArrayInputStream::new);
  }

  /**
   * Whether {@link #presignPut} works here: a cloud bucket with the function's credentials does,
   * the local platform's in-memory bucket does not.
   */
  default boolean signsUploads() {
    return false;
  }

  /**
   * A URL the client can {@code PUT} exactly one object to: signed for {@code key}, {@code
   * contentType} and {@code size} bytes (the store refuses another key, type or length) and valid
   * for {@code lifetime}. Signing happens locally with the function's credentials; no request is
   * made.
   *
   * @throws UnsupportedOperationException when this store cannot sign uploads
   */
  default PresignedUpload presignPut(String key, String contentType, long size, Duration lifetime) {
    throw new UnsupportedOperationException("this object store does not sign uploads");
  }
}
