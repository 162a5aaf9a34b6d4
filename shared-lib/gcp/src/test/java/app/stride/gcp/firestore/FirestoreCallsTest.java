package app.stride.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import com.google.api.core.ApiFutures;
import com.google.api.core.SettableApiFuture;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FirestoreCallsTest {

  @ParameterizedTest
  @EnumSource(
      value = Status.Code.class,
      names = {"ALREADY_EXISTS", "FAILED_PRECONDITION", "ABORTED"})
  void translate_lostConditionsAreVersionConflicts(Status.Code code) {
    assertThat(FirestoreCalls.translate(apiException(code)))
        .isInstanceOf(VersionConflictException.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.Code.class,
      names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "RESOURCE_EXHAUSTED"})
  void translate_serverTroubleIsStoreUnavailable(Status.Code code) {
    assertThat(FirestoreCalls.translate(apiException(code)))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void translate_bugsStayBugs() {
    RuntimeException invalid = apiException(Status.Code.INVALID_ARGUMENT);

    assertThat(FirestoreCalls.translate(invalid)).isSameAs(invalid);
  }

  @Test
  void await_unwrapsTheFailureOfTheCall() {
    var failed = ApiFutures.<String>immediateFailedFuture(apiException(Status.Code.ALREADY_EXISTS));

    assertThatThrownBy(() -> FirestoreCalls.await(failed))
        .isInstanceOf(VersionConflictException.class)
        .hasCauseInstanceOf(com.google.api.gax.rpc.ApiException.class);
  }

  @Test
  void await_returnsTheResult() {
    assertThat(FirestoreCalls.await(ApiFutures.immediateFuture("ok"))).isEqualTo("ok");
  }

  @Test
  void await_anInterruptIsStoreUnavailableAndKeepsTheFlag() {
    SettableApiFuture<String> never = SettableApiFuture.create();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> FirestoreCalls.await(never))
          .isInstanceOf(StoreUnavailableException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private static RuntimeException apiException(Status.Code code) {
    return ApiExceptionFactory.createException(
        new ExecutionException(code.name(), null), GrpcStatusCode.of(code), false);
  }
}
