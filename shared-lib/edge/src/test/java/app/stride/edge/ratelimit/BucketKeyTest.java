package app.stride.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void digest_isTheFirstHalfOfTheSubjectsSha256_onEveryThread_callAfterCall() throws Exception {
    List<String> subjects = List.of("u-1", "198.51.100.7", "", "u-2", "u-1");
    Map<String, String> expected = new HashMap<>();
    for (String subject : subjects) {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      expected.put(
          subject, Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<String> digests = new ArrayList<>();
                  for (int i = 0; i < 500; i++) {
                    for (String subject : subjects) {
                      digests.add(BucketKey.of("read", Dimension.IP, subject).subjectDigest());
                    }
                  }
                  return digests;
                }));
      }
      List<String> once = subjects.stream().map(expected::get).toList();
      for (Future<List<String>> run : runs) {
        List<String> digests = run.get();
        for (int i = 0; i < digests.size(); i += subjects.size()) {
          assertThat(digests.subList(i, i + subjects.size())).isEqualTo(once);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
