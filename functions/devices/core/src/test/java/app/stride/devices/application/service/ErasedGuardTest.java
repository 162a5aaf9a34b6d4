package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks around a write: before it, after it, and after it failed. */
class ErasedGuardTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_anna");

  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final List<UserId> swept = new ArrayList<>();
  private RuntimeException sweepFailure;
  private final ErasedGuard guard =
      new ErasedGuard(
          erased,
          EU,
          user -> {
            swept.add(user);
            if (sweepFailure != null) {
              throw sweepFailure;
            }
          });

  @Test
  void aWriteOfAnAccountNotErased_runs_andSweepsNothing() {
    assertThat(guard.request(ANNA, () -> "written")).isEqualTo("written");
    assertThat(guard.work(ANNA, held -> "written")).contains("written");
    assertThat(swept).isEmpty();
  }

  @Test
  void aRequestOfAnErasedAccount_isRefused_withoutRunning_orSweeping() {
    erased.markers.put(ANNA, Instant.MAX);
    List<String> ran = new ArrayList<>();

    assertThatThrownBy(() -> guard.request(ANNA, () -> ran.add("write")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.UNAUTHORIZED.uri()));
    assertThat(ran).isEmpty();
    assertThat(swept).isEmpty();
  }

  @Test
  void workOfAnErasedAccount_doesNotRun_butSweeps() {
    erased.markers.put(ANNA, Instant.MAX);
    List<String> ran = new ArrayList<>();

    assertThat(guard.work(ANNA, held -> ran.add("write"))).isEmpty();
    assertThat(ran).isEmpty();
    assertThat(swept).containsExactly(ANNA);
  }

  @Test
  void aFailedWrite_overtakenByTheErasure_isSwept_andItsOwnFailureIsThrown() {
    StoreUnavailableException failed = new StoreUnavailableException("imports", null);

    assertThatThrownBy(
            () ->
                guard.request(
                    ANNA,
                    () -> {
                      erased.markers.put(ANNA, Instant.MAX);
                      throw failed;
                    }))
        .isSameAs(failed);
    assertThat(swept).containsExactly(ANNA);
  }

  @Test
  void aFailedWrite_whoseSweepFailsToo_throwsItsOwnFailure_withTheSweepsSuppressed() {
    StoreUnavailableException failed = new StoreUnavailableException("imports", null);
    sweepFailure = new StoreUnavailableException("bucket", null);

    assertThatThrownBy(
            () ->
                guard.work(
                    ANNA,
                    held -> {
                      erased.markers.put(ANNA, Instant.MAX);
                      throw failed;
                    }))
        .isSameAs(failed)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(sweepFailure));
  }

  @Test
  void aFailedWrite_ofAnAccountNotErased_throws_andSweepsNothing() {
    IllegalStateException failed = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                guard.work(
                    ANNA,
                    held -> {
                      throw failed;
                    }))
        .isSameAs(failed);
    assertThat(swept).isEmpty();
  }

  @Test
  void aSweepThatFailsAfterASuccessfulWrite_failsTheWrite_soItIsTriedAgain() {
    sweepFailure = new StoreUnavailableException("bucket", null);

    assertThatThrownBy(
            () ->
                guard.work(
                    ANNA,
                    held -> {
                      erased.markers.put(ANNA, Instant.MAX);
                      return "written";
                    }))
        .isSameAs(sweepFailure);
    // The redelivery's first check finds the marker and sweeps again.
    sweepFailure = null;
    assertThat(guard.work(ANNA, held -> Optional.of("written again"))).isEmpty();
    assertThat(swept).containsExactly(ANNA, ANNA);
  }

  @Test
  void theEventsAWriteHeld_arePublished_onlyOnceTheCheckAfterItFoundTheAccount() {
    List<String> published = new ArrayList<>();

    String written =
        guard.request(
            ANNA,
            held -> {
              held.hold(() -> published.add("imported"));
              held.hold(() -> published.add("merged"));
              assertThat(published).as("nothing leaves while the write runs").isEmpty();
              return "written";
            });

    assertThat(written).isEqualTo("written");
    assertThat(published).containsExactly("imported", "merged");
  }

  @Test
  void theEventsOfAWriteOvertakenByTheErasure_areNeverPublished() {
    List<String> published = new ArrayList<>();

    assertThatThrownBy(
            () ->
                guard.request(
                    ANNA,
                    held -> {
                      held.hold(() -> published.add("imported"));
                      erased.markers.put(ANNA, Instant.MAX);
                      return "written";
                    }))
        .isInstanceOf(ProblemException.class);
    assertThat(
            guard.work(
                ANNA,
                held -> {
                  held.hold(() -> published.add("imported again"));
                  return "written";
                }))
        .isEmpty();

    assertThat(published).isEmpty();
    assertThat(swept).containsExactly(ANNA, ANNA);
  }

  @Test
  void aFailedWrite_ofAnAccountStillThere_publishesTheEventsOfWhatItStored() {
    List<String> published = new ArrayList<>();
    IllegalStateException failed = new IllegalStateException("second activity refused");

    assertThatThrownBy(
            () ->
                guard.work(
                    ANNA,
                    held -> {
                      held.hold(() -> published.add("first activity imported"));
                      throw failed;
                    }))
        .isSameAs(failed);
    assertThat(published).containsExactly("first activity imported");
  }

  @Test
  void aFailedWrite_overtakenByTheErasure_publishesNothing() {
    List<String> published = new ArrayList<>();
    IllegalStateException failed = new IllegalStateException("second activity refused");

    assertThatThrownBy(
            () ->
                guard.work(
                    ANNA,
                    held -> {
                      held.hold(() -> published.add("first activity imported"));
                      erased.markers.put(ANNA, Instant.MAX);
                      throw failed;
                    }))
        .isSameAs(failed);
    assertThat(published).isEmpty();
    assertThat(swept).containsExactly(ANNA);
  }

  @Test
  void aCheckAfterTheWriteThatCannotBeMade_publishesNothing_leavingTheEventsToTheRelay() {
    List<String> published = new ArrayList<>();
    StoreUnavailableException down = new StoreUnavailableException("erasedAccounts", null);

    assertThatThrownBy(
            () ->
                guard.work(
                    ANNA,
                    held -> {
                      held.hold(() -> published.add("imported"));
                      erased.unavailable = down;
                      return "written";
                    }))
        .isSameAs(down);
    assertThat(published).isEmpty();
    assertThat(swept).isEmpty();
  }
}
