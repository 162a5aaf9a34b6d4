package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lease arithmetic on a clock the test moves, over in-process buckets on the same clock (the
 * same arithmetic as the Redis script).
 */
class LeasingRateLimiterTest {

  /** The longest a caller waits for another's fetch, unless a test says otherwise. */
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** Enough threads for every concurrent caller of a test (the common pool may have just one). */
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();

  private final MutableClock clock = new MutableClock();
  private final CountingSource source = new CountingSource(new LocalRateLimiter(clock));
  private final LeasingRateLimiter limiter =
      new LeasingRateLimiter(source, LeasePolicy.standard(), 100, this::nanos, WAIT);

  /** 100 tokens, no refill worth counting: largest lease 5, leases live 1 s. */
  private final Bucket user = bucket("read", Dimension.USER, "u-1", 100, 1, Duration.ofHours(1));

  /** 300 tokens: largest lease 15. */
  private final Bucket ip = bucket("read", Dimension.IP, "192.0.2.1", 300, 1, Duration.ofHours(1));

  @Test
  void leases_startAtOneToken_andDoubleWhileUsedUp_upToTheLargestLease() {
    int admitted = admissions(List.of(user), 20);

    assertThat(admitted).isEqualTo(20);
    assertThat(source.firstWanted()).containsExactly(1, 2, 4, 5, 5, 5);
    assertThat(source.calls.get()).as("6 calls for 20 requests").isEqualTo(6);
  }

  @Test
  void requestWhoseBucketsAllHoldLeasedTokens_makesNoCall() {
    admissions(List.of(user, ip), 8); // both buckets now hold leased tokens
    int calls = source.calls.get();

    Acquisition served = limiter.acquire(List.of(user, ip));

    assertThat(served.allowed()).isTrue();
    assertThat(source.calls.get()).isEqualTo(calls);
  }

  @Test
  void burst_admitsExactlyTheCapacity_whenNoLeaseExpires() {
    int admitted = admissions(List.of(user), 300);

    assertThat(admitted).isEqualTo(100);
    assertThat(source.calls.get()).as("leases, then one refusal per request").isLessThan(230);
  }

  @Test
  void authClassAndSmallBuckets_askTheSourceForEveryRequest() {
    Bucket auth = bucket("auth", Dimension.IP, "192.0.2.9", 60, 1, Duration.ofHours(1));
    Bucket small = bucket("write", Dimension.USER, "u-2", 30, 1, Duration.ofHours(1));

    assertThat(admissions(List.of(auth), 100)).isEqualTo(60);
    assertThat(admissions(List.of(small), 100)).isEqualTo(30);

    assertThat(source.calls.get()).isEqualTo(200);
    assertThat(source.wanted).allSatisfy(counts -> assertThat(counts).containsOnly(1));
    assertThat(limiter.leasedKeys()).isZero();
  }

  @Test
  void expiredLease_itsUnusedTokensAreNeverAdmitted() {
    assertThat(admissions(List.of(user), 8)).isEqualTo(8); // leased 1 + 2 + 4 + 5 = 12
    assertThat(source.firstWanted()).containsExactly(1, 2, 4, 5);

    clock.advance(Duration.ofMillis(1_000)); // the lease of 5 ends with 4 unused
    int afterwards = admissions(List.of(user), 200);

    assertThat(afterwards).as("100 - 12 leased before").isEqualTo(88);
    assertThat(source.firstWanted().get(4))
        .as("an expired lease is followed by one as large as what it served")
        .isEqualTo(1);
  }

  @Test
  void leaseSize_followsWhatTheLastLeaseServed_andStartsAgainAtOneAfterAnIdleLifetime() {
    admissions(List.of(user), 6); // leases 1, 2, 4: the 4 has served 3
    clock.advance(Duration.ofMillis(1_200));
    admissions(List.of(user), 1);
    clock.advance(Duration.ofMillis(2_500));
    admissions(List.of(user), 1);

    assertThat(source.firstWanted()).containsExactly(1, 2, 4, 3, 1);
  }

  @Test
  void remaining_isWhatTheBucketHeldAtTheGrantMinusWhatWasServed_neverMore() {
    for (int k = 1; k <= 100; k++) {
      Acquisition acquisition = limiter.acquire(List.of(user));
      assertThat(acquisition.allowed()).isTrue();
      assertThat(acquisition.states().get(0).remaining()).as("request %d", k).isEqualTo(100 - k);
    }

    Acquisition refused = limiter.acquire(List.of(user));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.states().get(0).remaining()).isZero();
    assertThat(refused.states().get(0).microsToNextToken()).as("from the source").isPositive();
  }

  @Test
  void remaining_afterAnExpiredLease_countsItsLostTokensAsGone() {
    admissions(List.of(user), 8); // 12 leased, 4 of them lost below
    clock.advance(Duration.ofSeconds(1));

    Acquisition next = limiter.acquire(List.of(user));

    assertThat(next.states().get(0).remaining()).as("100 - 12 - 1").isEqualTo(87);
  }

  @Test
  void timeToNextToken_countsDownFromTheGrant() {
    Bucket refilling = bucket("read", Dimension.IP, "192.0.2.2", 100, 1, Duration.ofSeconds(10));
    admissions(List.of(refilling), 2); // a lease of 2, one left
    long atGrant = source.calls.get();
    clock.advance(Duration.ofMillis(300));

    Acquisition local = limiter.acquire(List.of(refilling));

    assertThat(source.calls.get()).isEqualTo(atGrant);
    assertThat(local.states().get(0).microsToNextToken()).isBetween(1L, 9_700_000L);
  }

  @Test
  void refusalByOneBucket_givesBackTheLeasedTokenOfTheOther() {
    Bucket tinyIp = bucket("write", Dimension.IP, "192.0.2.3", 1, 1, Duration.ofHours(1));
    admissions(List.of(user), 4); // a lease of 4 with 3 left; 96 remaining
    assertThat(limiter.acquire(List.of(user, tinyIp)).allowed()).isTrue(); // the ip's only token
    int calls = source.calls.get();

    Acquisition refused = limiter.acquire(List.of(user, tinyIp));
    Acquisition userAlone = limiter.acquire(List.of(user));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.states().get(0).remaining()).as("user token given back").isEqualTo(95);
    assertThat(userAlone.allowed()).isTrue();
    assertThat(userAlone.states().get(0).remaining()).isEqualTo(94);
    assertThat(source.calls.get()).as("only the refused ip asked").isEqualTo(calls + 1);
  }

  @Test
  void sourceFailure_dropsEveryLease_andPropagates_afterTheLeasedTokensAreUsed() {
    admissions(List.of(user), 4); // a lease of 4, 3 left
    source.down = true;

    assertThat(admissions(List.of(user), 3)).as("served from the lease").isEqualTo(3);
    assertThatThrownBy(() -> limiter.acquire(List.of(user)))
        .isInstanceOf(RateLimiterUnavailableException.class);
    assertThat(limiter.leasedKeys()).isZero();
    source.down = false;
    assertThat(limiter.acquire(List.of(user)).allowed()).isTrue();
    assertThat(source.firstWanted().get(source.calls.get() - 1))
        .as("a dropped lease starts at 1 again")
        .isEqualTo(1);
  }

  @Test
  void aCallerFindingAFetchInFlight_waitsForItsTokens_insteadOfACallOfItsOwn() throws Exception {
    HeldFetch held = new HeldFetch(Duration.ofHours(1));
    held.limiter.acquire(List.of(user)); // lease of 1, used up
    CompletableFuture<Acquisition> leader = held.acquireAsync(List.of(user)); // asks 2, held
    assertThat(held.fetching.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Acquisition> waiter = held.acquireAsync(List.of(user));
    Thread.sleep(200);
    assertThat(waiter).as("waiting for the leader's tokens").isNotDone();
    held.release.countDown();

    assertThat(leader.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(waiter.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(held.source.firstWanted()).as("no call of the waiter's own").containsExactly(1, 2);
  }

  @Test
  void callersBeyondTheFetchsSpareTokens_askForTheirOwn_withoutWaiting() throws Exception {
    HeldFetch held = new HeldFetch(Duration.ofHours(1));
    held.limiter.acquire(List.of(user));
    CompletableFuture<Acquisition> leader = held.acquireAsync(List.of(user)); // 2: 1 spare
    assertThat(held.fetching.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Acquisition> waiter = held.acquireAsync(List.of(user));
    Thread.sleep(200); // the waiter has claimed the spare token

    Acquisition third = held.acquireAsync(List.of(user)).get(10, TimeUnit.SECONDS);
    held.release.countDown();

    assertThat(third.allowed()).isTrue();
    assertThat(leader.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(waiter.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(held.source.firstWanted())
        .as("the third asked for its own")
        .containsExactly(1, 2, 1);
  }

  @Test
  void aCallerLeadingAFetchOfItsOwn_neverWaitsForAnothers() throws Exception {
    HeldFetch held = new HeldFetch(Duration.ofHours(1));
    held.limiter.acquire(List.of(ip));
    CompletableFuture<Acquisition> ipLeader = held.acquireAsync(List.of(ip)); // 2, held
    assertThat(held.fetching.await(10, TimeUnit.SECONDS)).isTrue();

    Acquisition both = held.acquireAsync(List.of(user, ip)).get(10, TimeUnit.SECONDS);
    held.release.countDown();

    assertThat(both.allowed()).as("leads the user's first lease, asks its own ip token").isTrue();
    assertThat(held.source.wanted.get(2)).containsExactly(1, 1);
    assertThat(ipLeader.get(10, TimeUnit.SECONDS).allowed()).isTrue();
  }

  @Test
  void aWait_endsAfterTheRedisTimeout_thenTheCallerAsksForItsOwnToken() throws Exception {
    HeldFetch held = new HeldFetch(Duration.ofMillis(300));
    held.limiter.acquire(List.of(user));
    CompletableFuture<Acquisition> leader = held.acquireAsync(List.of(user));
    assertThat(held.fetching.await(10, TimeUnit.SECONDS)).isTrue();

    Acquisition waiter = held.acquireAsync(List.of(user)).get(10, TimeUnit.SECONDS);
    held.release.countDown();

    assertThat(waiter.allowed()).isTrue();
    assertThat(leader.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(held.source.firstWanted()).containsExactly(1, 2, 1);
  }

  /** A limiter whose source holds the first lease of 2 tokens in flight until released. */
  private final class HeldFetch {
    final CountDownLatch fetching = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountingSource source;
    final LeasingRateLimiter limiter;

    HeldFetch(Duration wait) {
      LocalRateLimiter buckets = new LocalRateLimiter(clock);
      source =
          new CountingSource(
              (requested, counts, needs) -> {
                if (counts[0] == 2 && fetching.getCount() == 1) {
                  fetching.countDown();
                  await(release);
                }
                return buckets.take(requested, counts, needs);
              });
      limiter =
          new LeasingRateLimiter(
              source, LeasePolicy.standard(), 100, LeasingRateLimiterTest.this::nanos, wait);
    }

    CompletableFuture<Acquisition> acquireAsync(List<Bucket> buckets) {
      return CompletableFuture.supplyAsync(() -> limiter.acquire(buckets), THREADS);
    }
  }

  @Test
  void aRequestCallingAnyway_renewsItsOtherBucketsLeasePastHalfItsLife_inTheSameCall() {
    Bucket otherIp = bucket("read", Dimension.IP, "192.0.2.4", 300, 1, Duration.ofHours(1));
    admissions(List.of(ip), 4); // ip leases 1, 2 and 4: 3 left of the 4
    clock.advance(Duration.ofMillis(600));
    int calls = source.calls.get();

    Acquisition both = limiter.acquire(List.of(otherIp, ip)); // otherIp has no lease: a call

    assertThat(both.allowed()).isTrue();
    assertThat(source.calls.get()).isEqualTo(calls + 1);
    assertThat(source.wanted.get(calls))
        .as("otherIp's first token, ip's renewal")
        .containsExactly(1, 2);
    assertThat(source.needed.get(calls))
        .as("the request needs no ip token from Redis")
        .containsExactly(1, 0);
    assertThat(both.states().get(1).remaining())
        .as("300 - 7 leased - 2 renewed held by Redis, + 2 + 2 unused")
        .isEqualTo(300 - 9 + 4);
  }

  @Test
  void renewedTokens_takeOverFromTheCurrentOnes_andLiveTheirOwnLifetime() {
    Bucket otherIp = bucket("read", Dimension.IP, "192.0.2.5", 300, 1, Duration.ofHours(1));
    admissions(List.of(ip), 4); // the lease of 4, 3 left, granted at t = 0
    clock.advance(Duration.ofMillis(600));
    limiter.acquire(List.of(otherIp, ip)); // ip: 2 left, 2 renewed at t = 600 ms
    int calls = source.calls.get();

    assertThat(admissions(List.of(ip), 4)).as("2 current, then the 2 renewed").isEqualTo(4);
    assertThat(source.calls.get()).as("no call while leased tokens last").isEqualTo(calls);

    limiter.acquire(List.of(otherIp, ip)); // renews ip again at t = 600 ms: 2 × 2 wanted
    clock.advance(Duration.ofMillis(500)); // t = 1.1 s: the first renewal (t = 600 ms) still lives
    int renewed = source.calls.get();
    assertThat(admissions(List.of(ip), 1)).isEqualTo(1);
    assertThat(source.calls.get()).as("served by the renewal's tokens").isEqualTo(renewed);

    clock.advance(Duration.ofMillis(600)); // t = 1.7 s: every grant of ip has ended
    assertThat(admissions(List.of(ip), 1)).isEqualTo(1);
    assertThat(source.calls.get()).as("nothing leased lives: a call").isEqualTo(renewed + 1);
  }

  @Test
  void renewalOfABucketRedisHasEmptied_neverRefusesTheRequest_andKeepsTheLeasedTokens() {
    Bucket otherIp = bucket("read", Dimension.IP, "192.0.2.6", 300, 1, Duration.ofHours(1));
    LocalRateLimiter shared = new LocalRateLimiter(clock);
    CountingSource sharedSource = new CountingSource(shared);
    LeasingRateLimiter leasing =
        new LeasingRateLimiter(sharedSource, LeasePolicy.standard(), 100, this::nanos, WAIT);
    for (int i = 0; i < 4; i++) {
      leasing.acquire(List.of(user)); // leases 1, 2, 4: 3 left of the 4, 93 in the bucket
    }
    int[] one = {1};
    for (int i = 0; i < 93; i++) {
      assertThat(shared.take(List.of(user), one).allowed()).as("another instance").isTrue();
    }
    clock.advance(Duration.ofMillis(600));
    int calls = sharedSource.calls.get();

    Acquisition both = leasing.acquire(List.of(otherIp, user));

    assertThat(both.allowed()).as("the user's token came from the lease").isTrue();
    assertThat(sharedSource.needed.get(calls)).containsExactly(1, 0);
    assertThat(both.states().get(1).remaining()).as("nothing renewed, 2 leased left").isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThat(leasing.acquire(List.of(user)).allowed()).isTrue();
    }
    assertThat(leasing.acquire(List.of(user)).allowed()).as("the bucket is empty").isFalse();
  }

  @Test
  void twoBucketsOfOneClient_areRenewedTogether_atAboutOneCallPerLeaseLifetime() {
    int requests = 0;
    for (int tick = 0; tick < 100; tick++) { // 20 s at 5 requests a second
      limiter.acquire(List.of(user, ip));
      requests++;
      clock.advance(Duration.ofMillis(200));
    }

    assertThat(source.calls.get())
        .as(
            "%d calls for %d requests; one per bucket and lease would be about 40",
            source.calls.get(), requests)
        .isLessThanOrEqualTo(25);
  }

  @Test
  void keysBeyondTheBound_askTheSourceDirectly() {
    LeasingRateLimiter bounded =
        new LeasingRateLimiter(source, LeasePolicy.standard(), 1, this::nanos, WAIT);
    for (int i = 0; i < 10; i++) {
      bounded.acquire(List.of(user));
      bounded.acquire(List.of(ip));
    }

    assertThat(bounded.leasedKeys()).isEqualTo(1);
    assertThat(source.calls.get()).as("every ip request, and the user's 4 leases").isEqualTo(14);
  }

  @Test
  void idleKeys_areSwept() {
    admissions(List.of(user), 3);
    admissions(List.of(ip), 3);
    assertThat(limiter.leasedKeys()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(4));
    admissions(List.of(ip), 1);

    assertThat(limiter.leasedKeys()).as("the user's key idle for 3 s is gone").isEqualTo(1);
  }

  private int admissions(List<Bucket> buckets, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.acquire(buckets).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }

  private long nanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
