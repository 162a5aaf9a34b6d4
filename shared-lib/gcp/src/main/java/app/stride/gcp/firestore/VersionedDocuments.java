package app.stride.gcp.firestore;

import app.stride.core.store.VersionConflictException;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Precondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Conditional, versioned writes of single documents, the Firestore side of DESIGN.md section 4: no
 * transactions, each write either succeeds against the state the caller read or fails with {@link
 * VersionConflictException}.
 *
 * <ul>
 *   <li>create: {@code DocumentReference.create}, which fails when the document exists;
 *   <li>replace and delete: the caller reads the document, checks its version, and writes with
 *       {@code Precondition.updatedAt(readUpdateTime)}, so any change in between makes the write
 *       lose.
 * </ul>
 *
 * A replace is an {@code update} of every top-level field plus a delete of each top-level field the
 * new data no longer has: Firestore's {@code set} takes no precondition, and updating a top-level
 * field replaces its whole value, nested maps included.
 */
public final class VersionedDocuments {
  /** The field holding a document's optimistic version. */
  public static final String VERSION_FIELD = "version";

  private VersionedDocuments() {}

  /** The document with its version and update time, or empty when it does not exist. */
  public static Optional<VersionedDocument> read(DocumentReference ref) {
    DocumentSnapshot snapshot = FirestoreCalls.await(ref.get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    Long version = snapshot.getLong(VERSION_FIELD);
    return Optional.of(
        new VersionedDocument(
            snapshot,
            version == null ? 0 : version,
            Objects.requireNonNull(snapshot.getUpdateTime())));
  }

  /**
   * Creates the document.
   *
   * @throws VersionConflictException when it already exists
   */
  public static void create(DocumentReference ref, Map<String, Object> data) {
    FirestoreCalls.await(ref.create(data));
  }

  /**
   * Replaces the document if its stored version is {@code expectedVersion} and nothing changed it
   * after this method read it.
   *
   * @throws VersionConflictException when the document is gone, at another version, or changed
   *     meanwhile
   */
  public static void replace(
      DocumentReference ref, Map<String, Object> data, long expectedVersion) {
    replace(requireVersion(ref, expectedVersion), data);
  }

  /**
   * Replaces a document the caller read, if it has not changed since.
   *
   * @throws VersionConflictException when it changed or was deleted after {@code current} was read
   */
  public static void replace(VersionedDocument current, Map<String, Object> data) {
    Map<String, Object> changes = new HashMap<>(data);
    for (String field : current.data().keySet()) {
      changes.putIfAbsent(field, FieldValue.delete());
    }
    update(current, changes);
  }

  /**
   * Changes some fields of a document the caller read, if it has not changed since. Keys are field
   * paths: {@code FieldPath.of("outbox", eventId)} reaches into a map whatever characters the key
   * holds.
   *
   * @throws VersionConflictException when it changed or was deleted after {@code current} was read
   */
  public static void update(VersionedDocument current, Map<?, Object> changes) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("an update needs at least one field");
    }
    List<Object> pairs = new ArrayList<>();
    changes.forEach(
        (field, value) -> {
          pairs.add(toPath(field));
          pairs.add(value);
        });
    FieldPath first = (FieldPath) pairs.get(0);
    Object[] more = pairs.subList(2, pairs.size()).toArray();
    FirestoreCalls.await(
        current
            .reference()
            .update(Precondition.updatedAt(current.updateTime()), first, pairs.get(1), more));
  }

  /**
   * Deletes the document if its stored version is {@code expectedVersion} and nothing changed it
   * after this method read it.
   *
   * @throws VersionConflictException when the document is gone, at another version, or changed
   *     meanwhile
   */
  public static void delete(DocumentReference ref, long expectedVersion) {
    delete(requireVersion(ref, expectedVersion));
  }

  /**
   * Deletes a document the caller read, if it has not changed since.
   *
   * @throws VersionConflictException when it changed or was deleted after {@code current} was read
   */
  public static void delete(VersionedDocument current) {
    FirestoreCalls.await(current.reference().delete(Precondition.updatedAt(current.updateTime())));
  }

  private static VersionedDocument requireVersion(DocumentReference ref, long expectedVersion) {
    VersionedDocument current =
        read(ref)
            .orElseThrow(
                () -> new VersionConflictException("document " + ref.getId() + " does not exist"));
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(
          "document "
              + ref.getId()
              + " is at version "
              + current.version()
              + ", not "
              + expectedVersion);
    }
    return current;
  }

  private static FieldPath toPath(Object field) {
    if (field instanceof FieldPath path) {
      return path;
    }
    if (field instanceof String name) {
      return FieldPath.of(name);
    }
    throw new IllegalArgumentException("a field is a String or a FieldPath, not " + field);
  }
}
