package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentIdsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "email:ann@example.com",
        "social:apple:001234.abc/def.0042",
        "..",
        ".",
        "__name__",
        "a/b+c==",
        "email:用户@例子.广告",
        "\uFFFF\uFFFF\uFFFF"
      })
  void encode_givesAnIdFirestoreAccepts_andDecodesBack(String key) {
    String id = DocumentIds.encode(key);

    assertThat(id).matches("[A-Za-z0-9_-]+").doesNotStartWith("_").isNotIn(".", "..");
    assertThat(DocumentIds.decode(id)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1200})
  void encode_refusesEmptyAndOverlongKeys(int length) {
    assertThatThrownBy(() -> DocumentIds.encode("x".repeat(length)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
