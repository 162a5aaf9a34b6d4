package app.stride.gcp.firestore;

import app.stride.edge.resilience.CallPermit;
import app.stride.edge.resilience.OutboundCalls;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.rpc.ApiCallContext;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.BidiStreamingCallable;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.ServerStreamingCallable;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.StreamController;
import com.google.api.gax.rpc.UnaryCallable;
import com.google.cloud.firestore.spi.v1.FirestoreRpc;
import com.google.cloud.firestore.v1.FirestoreClient;
import com.google.cloud.firestore.v1.FirestoreClient.ListCollectionIdsPagedResponse;
import com.google.cloud.firestore.v1.FirestoreClient.ListDocumentsPagedResponse;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firestore.v1.BatchGetDocumentsRequest;
import com.google.firestore.v1.BatchGetDocumentsResponse;
import com.google.firestore.v1.BatchWriteRequest;
import com.google.firestore.v1.BatchWriteResponse;
import com.google.firestore.v1.BeginTransactionRequest;
import com.google.firestore.v1.BeginTransactionResponse;
import com.google.firestore.v1.CommitRequest;
import com.google.firestore.v1.CommitResponse;
import com.google.firestore.v1.ExecutePipelineRequest;
import com.google.firestore.v1.ExecutePipelineResponse;
import com.google.firestore.v1.ListCollectionIdsRequest;
import com.google.firestore.v1.ListDocumentsRequest;
import com.google.firestore.v1.ListenRequest;
import com.google.firestore.v1.ListenResponse;
import com.google.firestore.v1.PartitionQueryRequest;
import com.google.firestore.v1.RollbackRequest;
import com.google.firestore.v1.RunAggregationQueryRequest;
import com.google.firestore.v1.RunAggregationQueryResponse;
import com.google.firestore.v1.RunQueryRequest;
import com.google.firestore.v1.RunQueryResponse;
import com.google.protobuf.Empty;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Firestore client's RPC layer with every call behind one dependency of an {@link
 * OutboundCalls}: before a call (the client's retries included) the breaker is asked and a bulkhead
 * slot taken on the caller's thread; a refusal fails the call at once with the store's {@code 503}
 * problem and sends nothing; the call's end (the unary answer, the stream's completion or error)
 * records its outcome. The deadline is the client's own (retry settings, {@link FirestoreClients}):
 * {@code DEADLINE_EXCEEDED} counts as a timeout, {@code CANCELLED} (the caller gave up) as
 * abandoned. The realtime {@code Listen} stream is long-lived and left unguarded; paged listings
 * are guarded for their first page only.
 */
final class GuardedFirestoreRpc implements FirestoreRpc {
  private final FirestoreRpc delegate;
  private final OutboundCalls calls;
  private final String dependency;

  GuardedFirestoreRpc(FirestoreRpc delegate, OutboundCalls calls, String dependency) {
    this.delegate = delegate;
    this.calls = calls;
    this.dependency = dependency;
  }

  @Override
  public UnaryCallable<CommitRequest, CommitResponse> commitCallable() {
    return unary(delegate.commitCallable());
  }

  @Override
  public UnaryCallable<BatchWriteRequest, BatchWriteResponse> batchWriteCallable() {
    return unary(delegate.batchWriteCallable());
  }

  @Override
  public ServerStreamingCallable<BatchGetDocumentsRequest, BatchGetDocumentsResponse>
      batchGetDocumentsCallable() {
    return streaming(delegate.batchGetDocumentsCallable());
  }

  @Override
  public ScheduledExecutorService getExecutor() {
    return delegate.getExecutor();
  }

  @Override
  public ServerStreamingCallable<RunQueryRequest, RunQueryResponse> runQueryCallable() {
    return streaming(delegate.runQueryCallable());
  }

  @Override
  public ServerStreamingCallable<ExecutePipelineRequest, ExecutePipelineResponse>
      executePipelineCallable() {
    return streaming(delegate.executePipelineCallable());
  }

  @Override
  public ServerStreamingCallable<RunAggregationQueryRequest, RunAggregationQueryResponse>
      runAggregationQueryCallable() {
    return streaming(delegate.runAggregationQueryCallable());
  }

  @Override
  public UnaryCallable<BeginTransactionRequest, BeginTransactionResponse>
      beginTransactionCallable() {
    return unary(delegate.beginTransactionCallable());
  }

  @Override
  public UnaryCallable<RollbackRequest, Empty> rollbackCallable() {
    return unary(delegate.rollbackCallable());
  }

  @Override
  public UnaryCallable<ListCollectionIdsRequest, ListCollectionIdsPagedResponse>
      listCollectionIdsPagedCallable() {
    return unary(delegate.listCollectionIdsPagedCallable());
  }

  @Override
  public UnaryCallable<PartitionQueryRequest, FirestoreClient.PartitionQueryPagedResponse>
      partitionQueryPagedCallable() {
    return unary(delegate.partitionQueryPagedCallable());
  }

  @Override
  public UnaryCallable<ListDocumentsRequest, ListDocumentsPagedResponse>
      listDocumentsPagedCallable() {
    return unary(delegate.listDocumentsPagedCallable());
  }

  @Override
  public BidiStreamingCallable<ListenRequest, ListenResponse> listenCallable() {
    return delegate.listenCallable();
  }

  @Override
  public void shutdownNow() {
    delegate.shutdownNow();
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public void close() throws Exception {
    delegate.close();
  }

  private <Q, R> UnaryCallable<Q, R> unary(UnaryCallable<Q, R> inner) {
    return new UnaryCallable<>() {
      @Override
      public ApiFuture<R> futureCall(Q request, ApiCallContext context) {
        CallPermit permit;
        try {
          permit = calls.enter(dependency);
        } catch (RuntimeException refused) {
          return ApiFutures.immediateFailedFuture(refused);
        }
        ApiFuture<R> answer;
        try {
          answer = inner.futureCall(request, context);
        } catch (RuntimeException e) {
          end(permit, e);
          throw e;
        }
        ApiFutures.addCallback(
            answer,
            new ApiFutureCallback<>() {
              @Override
              public void onFailure(Throwable failure) {
                end(permit, failure);
              }

              @Override
              public void onSuccess(R result) {
                permit.succeeded();
              }
            },
            MoreExecutors.directExecutor());
        return answer;
      }
    };
  }

  private <Q, R> ServerStreamingCallable<Q, R> streaming(ServerStreamingCallable<Q, R> inner) {
    return new ServerStreamingCallable<>() {
      @Override
      public void call(Q request, ResponseObserver<R> observer, ApiCallContext context) {
        CallPermit permit;
        try {
          permit = calls.enter(dependency);
        } catch (RuntimeException refused) {
          observer.onStart(NoStream.INSTANCE);
          observer.onError(refused);
          return;
        }
        try {
          inner.call(request, new Recording<>(observer, permit), context);
        } catch (RuntimeException e) {
          end(permit, e);
          throw e;
        }
      }
    };
  }

  /** Ends {@code permit} by what a failed call says: timeout, abandoned, or judged by the rule. */
  private static void end(CallPermit permit, Throwable failure) {
    StatusCode.Code code = codeOf(failure);
    if (code == StatusCode.Code.DEADLINE_EXCEEDED) {
      permit.timedOut(failure);
    } else if (code == StatusCode.Code.CANCELLED) {
      permit.abandoned();
    } else {
      permit.failed(failure);
    }
  }

  private static StatusCode.Code codeOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api.getStatusCode().getCode();
      }
    }
    return null;
  }

  /** Passes a stream through and ends its permit when the stream ends. */
  private static final class Recording<R> implements ResponseObserver<R> {
    private final ResponseObserver<R> observer;
    private final CallPermit permit;

    Recording(ResponseObserver<R> observer, CallPermit permit) {
      this.observer = observer;
      this.permit = permit;
    }

    @Override
    public void onStart(StreamController controller) {
      observer.onStart(controller);
    }

    @Override
    public void onResponse(R response) {
      observer.onResponse(response);
    }

    @Override
    public void onError(Throwable failure) {
      end(permit, failure);
      observer.onError(failure);
    }

    @Override
    public void onComplete() {
      permit.succeeded();
      observer.onComplete();
    }
  }

  /** The controller of a stream that was refused before it started. */
  private enum NoStream implements StreamController {
    INSTANCE;

    @Override
    public void cancel() {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}
  }
}
