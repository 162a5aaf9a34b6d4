package app.stride.devices.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.WebhookNotification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedFetchersTest {
  private static final WebhookNotification PUSH =
      WebhookNotification.of(Provider.POLAR, "475", NotificationKind.ACTIVITY_CREATED, "k")
          .withActivityId("ex-1");
  private static final Secret TOKEN = Secret.of("at");

  private final AtomicInteger calls = new AtomicInteger();

  private ActivityFetcher failingWith(FetchException.Reason reason) {
    return new ActivityFetcher() {
      @Override
      public Provider provider() {
        return Provider.POLAR;
      }

      @Override
      public List<FetchedActivity> fetch(WebhookNotification n, Secret token) {
        calls.incrementAndGet();
        throw new FetchException(reason, "polar said " + reason);
      }
    };
  }

  @Test
  void aProviderOutage_opensItsBreaker_andLaterPushesAreRefusedWithoutCallingIt() {
    ActivityFetcher guarded =
        GuardedFetchers.guard(
                List.of(failingWith(FetchException.Reason.UNAVAILABLE)), new SimpleMeterRegistry())
            .get(0);

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> guarded.fetch(PUSH, TOKEN)).isInstanceOf(FetchException.class);
    }
    assertThatThrownBy(() -> guarded.fetch(PUSH, TOKEN))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
              assertThat(e.headers()).containsKey("Retry-After");
            });
    assertThat(calls).as("the open breaker sheds the call").hasValue(10);
  }

  @Test
  void answersThatAreNotOutages_passThroughUnchanged_andNeverOpenTheBreaker() {
    ActivityFetcher guarded =
        GuardedFetchers.guard(
                List.of(failingWith(FetchException.Reason.NOT_FOUND)), new SimpleMeterRegistry())
            .get(0);

    for (int i = 0; i < 25; i++) {
      assertThatThrownBy(() -> guarded.fetch(PUSH, TOKEN))
          .isInstanceOfSatisfying(
              FetchException.class,
              e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.NOT_FOUND));
    }
    assertThat(calls).hasValue(25);
    assertThat(guarded.provider()).isEqualTo(Provider.POLAR);
  }
}
