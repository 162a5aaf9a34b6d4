package app.stride.core.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items the items, in the listing's order
 * @param nextCursor an opaque cursor for the next page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
    nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
  }
}
