package app.stride.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketKeyTest {

  @Test
  void redisKey_isNamespaced_andHoldsADigestNotTheSubject() {
    BucketKey key = BucketKey.of("auth", Dimension.IP, "198.51.100.7");

    assertThat(key.redisKey())
        .startsWith("stride:ratelimit:auth:ip:")
        .doesNotContain("198.51.100.7")
        .matches("stride:ratelimit:auth:ip:[A-Za-z0-9_-]{22}");
  }

  @Test
  void hostileSubjects_giveKeysOfTheSameBoundedLength() {
    String huge = "x".repeat(1_000_000);
    String weird = "a:b\r\n*3\r\n$3\r\nDEL {x} \u00e9\u0000";

    assertThat(BucketKey.of("read", Dimension.USER, huge).redisKey()).hasSize(49);
    assertThat(BucketKey.of("read", Dimension.USER, weird).redisKey()).hasSize(49);
    assertThat(BucketKey.of("read", Dimension.USER, "").redisKey()).hasSize(49);
  }

  @Test
  void sameSubject_sameKey_differentClassOrDimension_differentKey() {
    assertThat(BucketKey.of("read", Dimension.USER, "u-1"))
        .isEqualTo(BucketKey.of("read", Dimension.USER, "u-1"));
    assertThat(BucketKey.of("read", Dimension.USER, "u-1").redisKey())
        .isNotEqualTo(BucketKey.of("write", Dimension.USER, "u-1").redisKey())
        .isNotEqualTo(BucketKey.of("read", Dimension.IP, "u-1").redisKey());
  }
}
