package app.stride.social.application.service;

import app.stride.core.store.CursorSeal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The listings' cursors: the last item's ordering values, sealed for one listing ({@link
 * CursorSeal}: a cursor of one group's history is refused on another's, an edited one anywhere).
 * The values are ids and search keys the caller may see anyway. Both clouds' stores continue from
 * the same values, so a cursor means the same on DynamoDB and Firestore.
 */
public final class Cursors {
  private static final char SEPARATOR = '\n';

  private final CursorSeal seal;

  public Cursors(CursorSeal seal) {
    this.seal = Objects.requireNonNull(seal, "seal");
  }

  /** The cursor continuing listing {@code scope} after the item with these ordering values. */
  String seal(String scope, List<String> values) {
    return seal.seal(
        scope, String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The ordering values a cursor of {@code scope} carries.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} on {@code
   *     query:cursor} for a cursor of another listing, an altered one, or one of the wrong shape
   */
  List<String> open(String scope, String cursor, int size) {
    String payload = new String(seal.open(scope, cursor), StandardCharsets.UTF_8);
    List<String> values = new ArrayList<>(List.of(payload.split(String.valueOf(SEPARATOR), -1)));
    if (values.size() != size) {
      throw CursorSeal.invalid();
    }
    return values;
  }
}
