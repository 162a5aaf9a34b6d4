package app.stride.core.http;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request headers with names matched case-insensitively, unmodifiable. {@link ApiRequest} folds the
 * headers it is given into one of these once; a copy of a request (a new source address, say)
 * passes them on as they are instead of folding them again.
 */
final class FoldedHeaders extends AbstractMap<String, String> {
  private static final FoldedHeaders EMPTY = new FoldedHeaders(new TreeMap<>());

  private final Map<String, String> folded;

  private FoldedHeaders(TreeMap<String, String> folded) {
    this.folded = Collections.unmodifiableMap(folded);
  }

  /** {@code headers} folded; the same instance when it already is. */
  static FoldedHeaders of(Map<String, String> headers) {
    if (headers instanceof FoldedHeaders already) {
      return already;
    }
    if (headers == null || headers.isEmpty()) {
      return EMPTY;
    }
    TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    folded.putAll(headers);
    return new FoldedHeaders(folded);
  }

  @Override
  public String get(Object name) {
    return folded.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return folded.containsKey(name);
  }

  @Override
  public int size() {
    return folded.size();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return folded.entrySet();
  }
}
