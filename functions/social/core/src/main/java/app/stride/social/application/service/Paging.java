package app.stride.social.application.service;

import app.stride.core.problem.ProblemException;
import app.stride.core.store.Page;
import java.util.List;
import java.util.function.Function;

/** Pages of at most {@value #MAX_LIMIT} items, read one item beyond the page to know of a next. */
final class Paging {
  /** The largest page. */
  static final int MAX_LIMIT = 50;

  private Paging() {}

  static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("query:limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  /**
   * The page of {@code read} (which read {@code limit + 1} items), with a cursor after its last
   * item when more follow.
   */
  static <T> Page<T> page(
      List<T> read, int limit, Cursors cursors, String scope, Function<T, List<String>> position) {
    if (read.size() <= limit) {
      return new Page<>(read, java.util.Optional.empty());
    }
    List<T> items = read.subList(0, limit);
    return new Page<>(
        List.copyOf(items),
        java.util.Optional.of(cursors.seal(scope, position.apply(items.get(limit - 1)))));
  }
}
