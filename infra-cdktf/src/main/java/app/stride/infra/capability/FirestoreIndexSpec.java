package app.stride.infra.capability;

import java.util.List;
import java.util.Objects;

/**
 * A Firestore composite index a capability's queries need. The emulator never asks for one, so each
 * query that filters on one field and orders by another is declared here and tested.
 *
 * @param collection the collection id (a subcollection's own id, e.g. {@code workouts} of {@code
 *     users/{userId}/workouts})
 * @param queryScope {@code COLLECTION} (queries on one parent's subcollection) or {@code
 *     COLLECTION_GROUP}
 * @param fields the indexed fields in query order
 * @param serves the query this index exists for, for the reader of the infra
 */
public record FirestoreIndexSpec(
    String collection, String queryScope, List<Field> fields, String serves) {

  /** One indexed field and its order ({@code ASCENDING} or {@code DESCENDING}). */
  public record Field(String path, String order) {

    /** Validates the order. */
    public Field {
      Objects.requireNonNull(path, "path");
      if (!List.of("ASCENDING", "DESCENDING").contains(order)) {
        throw new IllegalArgumentException("not a Firestore index order: " + order);
      }
    }

    /** An ascending field. */
    public static Field asc(String path) {
      return new Field(path, "ASCENDING");
    }

    /** A descending field. */
    public static Field desc(String path) {
      return new Field(path, "DESCENDING");
    }
  }

  /** A composite index has at least two fields. */
  public FirestoreIndexSpec {
    Objects.requireNonNull(collection, "collection");
    if (!List.of("COLLECTION", "COLLECTION_GROUP").contains(queryScope)) {
      throw new IllegalArgumentException("not a query scope: " + queryScope);
    }
    fields = List.copyOf(fields);
    if (fields.size() < 2) {
      throw new IllegalArgumentException("a composite index needs two fields: " + collection);
    }
  }

  /** An index for queries on one parent's {@code collection}. */
  public static FirestoreIndexSpec collection(String collection, String serves, Field... fields) {
    return new FirestoreIndexSpec(collection, "COLLECTION", List.of(fields), serves);
  }
}
