package app.stride.devices.application.port.out;

import java.util.Optional;

/**
 * The region's bucket (S3 / Cloud Storage, encrypted at rest, lifecycle-managed): raw originals
 * under {@code originals/<userId>/<importId>} and sample streams under {@code
 * samples/<userId>/<activityId>}. May throw {@link
 * app.stride.core.store.StoreUnavailableException}.
 */
public interface ObjectStore {
  /** Stores {@code bytes} under {@code key}, replacing any object there. */
  void put(String key, byte[] bytes, String contentType);

  /** The object under {@code key}, if any. */
  Optional<byte[]> get(String key);

  /** Removes the object under {@code key}; no error when there is none. */
  void delete(String key);
}
