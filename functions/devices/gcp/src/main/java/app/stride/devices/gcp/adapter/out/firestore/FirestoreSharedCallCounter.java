package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.webhook.strava.SharedCallCounter;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The region's shared counters of provider calls in one Firestore database: {@code
 * providerCallWindows/{window}} (the window key as the document id, e.g. {@code
 * strava:quarter:2026-11-27T21:15:00Z}) with {@code used} (a long, the calls counted) and {@code
 * expiresAt} (a timestamp; a TTL policy on the collection group deletes the document after it,
 * within a day or so). A window's key names its start, so an old document is never counted again
 * and TTL only tidies up.
 *
 * <p>One count reads the document; when {@code used} has reached the limit it writes nothing and
 * answers {@code false}; otherwise it writes {@code used + 1} and {@code expiresAt} against what it
 * read: a {@code create} of a window not counted yet, else an update with {@code
 * Precondition.updatedAt} of the document read ({@link VersionedDocuments}). A write another
 * instance beat is read and tried again, so the instances together never count past the limit (the
 * DynamoDB adapter gets the same with one conditional update). Not a Firestore transaction: the
 * module keeps to single-document conditional writes, and transactions contending for one document
 * wait on each other's locks (on the emulator about 2.5 s per round, so four callers already
 * outlast a call's time limit). A count still losing after {@link #CONTENDED} has counted nothing
 * and is answered as the store being unavailable, so the pull waits rather than runs uncounted. A
 * write whose answer is lost may be counted twice, which only errs towards fewer calls.
 */
public final class FirestoreSharedCallCounter implements SharedCallCounter {
  /** The collection of the windows (and of the TTL policy on {@code expiresAt}). */
  public static final String COLLECTION = "providerCallWindows";

  /** How long one count keeps trying against other instances' writes. */
  static final Duration CONTENDED = FirestoreCalls.TIMEOUT;

  /** The longest pause before reading a contended window again. */
  private static final int MAX_PAUSE_MILLIS = 20;

  private final Firestore firestore;

  public FirestoreSharedCallCounter(Firestore firestore) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
  }

  @Override
  public boolean tryCount(String window, int limit, Instant expiresAt) {
    SharedCallCounter.requireValid(window, limit);
    Objects.requireNonNull(expiresAt, "expiresAt");
    DocumentReference counter = firestore.collection(COLLECTION).document(window);
    long giveUpAt = System.nanoTime() + CONTENDED.toNanos();
    while (true) {
      Optional<VersionedDocument> current = VersionedDocuments.read(counter);
      long used = current.map(FirestoreSharedCallCounter::used).orElse(0L);
      if (used >= limit) {
        return false;
      }
      Map<String, Object> counted =
          Map.of("used", used + 1, "expiresAt", ActivityDocument.timestamp(expiresAt));
      try {
        if (current.isEmpty()) {
          VersionedDocuments.create(counter, counted);
        } else {
          VersionedDocuments.update(current.get(), counted);
        }
        return true;
      } catch (VersionConflictException beaten) {
        if (System.nanoTime() - giveUpAt > 0) {
          throw new StoreUnavailableException("call counter", beaten);
        }
        pause();
      }
    }
  }

  private static long used(VersionedDocument window) {
    Long used = window.snapshot().getLong("used");
    return used == null ? 0 : used;
  }

  /** A short random pause, so that the instances that lost do not all read again at once. */
  private static void pause() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, MAX_PAUSE_MILLIS + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("call counter", e);
    }
  }
}
