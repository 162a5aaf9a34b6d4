package app.stride.gcp.firestore;

import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for Firestore calls and maps their failures onto the neutral store exceptions: a lost
 * precondition or an existing document ({@code FAILED_PRECONDITION}, {@code ALREADY_EXISTS}, {@code
 * ABORTED}) is a {@link VersionConflictException}; an unreachable or failing service ({@code
 * UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, {@code INTERNAL}, {@code RESOURCE_EXHAUSTED}, a timeout,
 * an interrupt) is a {@link StoreUnavailableException}. Anything else is a bug and is rethrown.
 */
public final class FirestoreCalls {
  /** How long one call may take before the store counts as unavailable. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final String WHAT = "data store";

  private FirestoreCalls() {}

  /** The call's result, or the mapped failure. */
  public static <T> T await(ApiFuture<T> call) {
    try {
      return call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw translate(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new StoreUnavailableException(WHAT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(WHAT, e);
    }
  }

  /**
   * Maps a failure of a Firestore call; see the class comment. A {@link StoreUnavailableException}
   * anywhere in the chain (the guard of {@link FirestoreClients} refused the call, with its own
   * {@code Retry-After}) is answered as it is.
   */
  public static RuntimeException translate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StoreUnavailableException refused) {
        return refused;
      }
    }
    Optional<Status.Code> code = codeOf(failure);
    if (code.isPresent()) {
      switch (code.get()) {
        case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED:
          return new VersionConflictException("the document changed since it was read", failure);
        case UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, RESOURCE_EXHAUSTED:
          return new StoreUnavailableException(WHAT, failure);
        default:
          break;
      }
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("Firestore call failed", failure);
  }

  private static Optional<Status.Code> codeOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        StatusCode.Code code = api.getStatusCode().getCode();
        return Optional.of(Status.Code.valueOf(code.name()));
      }
      if (t instanceof FirestoreException firestore && firestore.getStatus() != null) {
        return Optional.of(firestore.getStatus().getCode());
      }
      if (t instanceof io.grpc.StatusRuntimeException grpc) {
        return Optional.of(grpc.getStatus().getCode());
      }
    }
    return Optional.empty();
  }
}
