package app.stride.gcp.firestore;

import app.stride.core.problem.ProblemException;
import app.stride.core.store.Page;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QuerySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pagination over a Firestore query: ordered by the given fields and then by document id (a
 * total order, so no item is skipped or repeated between pages), continued with {@code startAfter}
 * from a signed cursor. One extra document is read to know whether a next page exists.
 */
public final class FirestorePages {
  /** The largest page a caller may ask for. */
  public static final int MAX_PAGE_SIZE = 100;

  private final CursorCodec cursors;

  public FirestorePages(CursorCodec cursors) {
    this.cursors = Objects.requireNonNull(cursors, "cursors");
  }

  /**
   * One ordering key of a listing.
   *
   * @param field the top-level field name
   * @param direction ascending or descending
   */
  public record SortKey(String field, Query.Direction direction) {
    public SortKey {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(direction, "direction");
    }

    /** An ascending key. */
    public static SortKey asc(String field) {
      return new SortKey(field, Query.Direction.ASCENDING);
    }

    /** A descending key. */
    public static SortKey desc(String field) {
      return new SortKey(field, Query.Direction.DESCENDING);
    }
  }

  /**
   * One page of {@code query}.
   *
   * @param query the filtered, not yet ordered, query
   * @param sortKeys the ordering; the document id is appended as the final key
   * @param pageSize items per page, 1 to {@link #MAX_PAGE_SIZE}
   * @param cursor the cursor of the previous page, or empty for the first page
   * @param scope what the listing is bound to, e.g. {@code workouts:<userId>}; a cursor is only
   *     valid for the scope it was issued for
   * @param mapper turns each document into an item
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} on a foreign or
   *     altered cursor
   */
  public <T> Page<T> page(
      Query query,
      List<SortKey> sortKeys,
      int pageSize,
      Optional<String> cursor,
      String scope,
      Function<DocumentSnapshot, T> mapper) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE);
    }
    Query ordered = query;
    for (SortKey key : sortKeys) {
      ordered = ordered.orderBy(key.field(), key.direction());
    }
    Query.Direction last =
        sortKeys.isEmpty()
            ? Query.Direction.ASCENDING
            : sortKeys.get(sortKeys.size() - 1).direction();
    ordered = ordered.orderBy(FieldPath.documentId(), last);
    if (cursor.isPresent()) {
      CursorCodec.Position position = cursors.decode(scope, cursor.get());
      if (position.values().size() != sortKeys.size()) {
        throw ProblemException.invalid(
            CursorCodec.POINTER, "The cursor is not valid for this listing.");
      }
      List<Object> startAfter = new ArrayList<>(position.values());
      startAfter.add(query.getFirestore().document(position.documentPath()));
      ordered = ordered.startAfter(startAfter.toArray());
    }
    QuerySnapshot snapshot = FirestoreCalls.await(ordered.limit(pageSize + 1).get());
    List<DocumentSnapshot> documents = new ArrayList<>(snapshot.getDocuments());
    Optional<String> next = Optional.empty();
    if (documents.size() > pageSize) {
      documents = documents.subList(0, pageSize);
      next = Optional.of(cursors.encode(scope, positionOf(documents.get(pageSize - 1), sortKeys)));
    }
    return new Page<>(documents.stream().map(mapper).toList(), next);
  }

  private static CursorCodec.Position positionOf(DocumentSnapshot last, List<SortKey> sortKeys) {
    List<Object> values = new ArrayList<>();
    for (SortKey key : sortKeys) {
      values.add(last.get(key.field()));
    }
    return new CursorCodec.Position(values, last.getReference().getPath());
  }
}
