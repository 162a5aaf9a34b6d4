package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by two IT classes against the one redis-server of the JVM: each finds it empty (FLUSHALL
 * before the class) although both write the same key.
 */
abstract class RedisContract {

  @RegisterExtension static final RedisExtension REDIS = new RedisExtension();

  private static final Set<URI> ENDPOINTS_SEEN = ConcurrentHashMap.newKeySet();

  @Test
  void flushedBeforeEachClass_setThenGetOverResp() {
    assertThat(REDIS.command("DBSIZE")).isEqualTo("0");

    assertThat(REDIS.command("SET", "plan:1", getClass().getSimpleName())).isEqualTo("OK");

    assertThat(REDIS.command("GET", "plan:1")).isEqualTo(getClass().getSimpleName());
    assertThat(REDIS.command("GET", "plan:missing")).isNull();
  }

  @Test
  void oneServerServesEveryClass() {
    ENDPOINTS_SEEN.add(REDIS.endpoint());

    assertThat(ENDPOINTS_SEEN).hasSize(1);
    assertThat(REDIS.redisUri()).startsWith("redis://127.0.0.1:");
  }
}
