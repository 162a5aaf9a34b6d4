package app.stride.bench.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookAckBenchmarkTest {

  @Test
  void everyMeasuredCall_isAFirstDelivery_acknowledged200_andQueued() {
    WebhookAckBenchmark benchmark = new WebhookAckBenchmark();
    benchmark.wire();
    benchmark.sign();

    for (int i = 0; i < 3; i++) {
      assertThat(benchmark.strideAcknowledge().status()).isEqualTo(200);
      assertThat(benchmark.baselineHmacOnly()).isTrue();
    }
    benchmark.checkAllQueued();
  }

  @Test
  void theSignedRequests_areAllDistinct_andMoreThanTheReplayGuardRemembers() {
    ApiRequest[] batch = SignedPolarWebhooks.batch(WebhookAckBenchmark.POOL, Instant.now());

    assertThat(WebhookAckBenchmark.POOL).isGreaterThan(10_000);
    assertThat(java.util.Arrays.stream(batch).map(ApiRequest::bodyText).distinct().count())
        .isEqualTo(WebhookAckBenchmark.POOL);
  }

  @Test
  void aReplayedRequest_isNotQueuedAgain_whichTheIterationCheckWouldCatch() {
    WebhookPorts.CountingQueue queue = new WebhookPorts.CountingQueue();
    ApiFunction function = WebhookAckBenchmark.function(queue);
    ApiRequest request = SignedPolarWebhooks.batch(1, Instant.now())[0];

    function.apply(request);
    function.apply(request);

    assertThat(queue.sent()).isEqualTo(1);
  }

  @Test
  void aStoreAWebhookNeverUses_refusesToBeReached() {
    var ports = WebhookPorts.around(new WebhookPorts.CountingQueue());

    assertThatThrownBy(() -> ports.objects().get("k"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
