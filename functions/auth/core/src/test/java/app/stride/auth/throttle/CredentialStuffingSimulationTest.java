package app.stride.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The attack from issue 3: 10,000 login attempts across 100 accounts from 50 IPs, interleaved (a
 * random account from a random IP each time, seeded), with wrong passwords, against a small
 * authenticator that consults the throttle as the login use case does. The attacker ignores 429s
 * and retries the same guess later. Its list holds the real password of every account as guess
 * number {@value #REAL_PASSWORD_POSITION}: the throttle has to stop it before it gets there.
 *
 * <p>Each run prints its numbers (look for "credential stuffing" in the test output).
 */
class CredentialStuffingSimulationTest {

  private static final int ATTEMPTS = 10_000;
  private static final int ACCOUNTS = 100;
  private static final int ATTACKER_IPS = 50;
  private static final int REAL_PASSWORD_POSITION = 25;

  /** A site has more users than the attacker's list; this one is not on it. */
  private static final int BYSTANDER = ACCOUNTS;

  private final MutableClock clock = new MutableClock();
  private final InMemoryAttemptCounters counters = new InMemoryAttemptCounters(clock);
  private final LoginThrottle throttle =
      new LoginThrottle(counters, ThrottlePolicy.standard(), clock);
  private final Authenticator authenticator = new Authenticator(throttle);

  @Test
  void burst_50msPerAttempt_noneSucceeds_locksEngage_stuffingIpsLoseReputation_othersLogIn() {
    Attack attack = attack(Duration.ofMillis(50)); // 10,000 attempts in 500 s: one window

    assertThat(attack.successes()).as("successful logins").isZero();
    assertThat(attack.maxChecksPerAccount()).as("password checks per account").isEqualTo(10);
    assertThat(attack.passwordChecks()).isLessThanOrEqualTo(ACCOUNTS * 10);
    assertThat(attack.lockouts).as("lockouts").isPositive();
    assertThat(attack.lockedAccounts).hasSize(attack.lockouts);
    assertThat(attack.bannedIps)
        .as("exactly the IPs that failed against 20 or more accounts")
        .isEqualTo(authenticator.ipsThatFailedAgainst(20))
        .isNotEmpty();

    clock.advance(Duration.ofSeconds(60)); // the longest delay
    assertThat(authenticator.login(BYSTANDER, realPassword(BYSTANDER), cleanIp(BYSTANDER)))
        .as("an account not on the attacker's list, from a clean IP")
        .isEqualTo(Result.SUCCESS);
    for (int account : notLocked(attack)) {
      assertThat(authenticator.login(account, realPassword(account), cleanIp(account)))
          .as("owner of account %d", account)
          .isEqualTo(Result.SUCCESS);
    }
    assertThat(attack.stillLocked).isEqualTo(attack.lockedAccounts);
    for (int account : attack.stillLocked) {
      assertThat(authenticator.login(account, realPassword(account), cleanIp(account)))
          .as("owner of locked account %d, within the lock", account)
          .isEqualTo(Result.THROTTLED);
    }

    clock.advance(Duration.ofMinutes(15));
    for (int account : attack.lockedAccounts) {
      assertThat(authenticator.login(account, realPassword(account), cleanIp(account)))
          .as("owner of account %d after the lock", account)
          .isEqualTo(Result.SUCCESS);
    }
    for (String ip : attack.bannedIps) {
      assertThat(throttle.check(accountKey(BYSTANDER), ip).reason())
          .as("reputation lasts an hour")
          .isEqualTo(ThrottleDecision.IP_REPUTATION);
    }
  }

  @Test
  void lowAndSlow_200msPerAttempt_noneSucceeds_everyIpLosesReputation_othersLogIn() {
    Attack attack = attack(Duration.ofMillis(200)); // 2,000 s: locks end, the attack resumes

    assertThat(attack.successes()).as("successful logins").isZero();
    assertThat(attack.maxChecksPerAccount())
        .as("at most two 15-minute windows of 10")
        .isLessThan(REAL_PASSWORD_POSITION);
    assertThat(attack.lockouts).as("lockouts").isPositive();
    assertThat(attack.bannedIps).as("IPs reputation-throttled").hasSize(ATTACKER_IPS);

    clock.advance(Duration.ofSeconds(60));
    List<Integer> notLocked = notLocked(attack);
    assertThat(notLocked).as("targeted accounts not locked now").isNotEmpty();
    for (int account : notLocked) {
      assertThat(authenticator.login(account, realPassword(account), cleanIp(account)))
          .as("owner of account %d", account)
          .isEqualTo(Result.SUCCESS);
    }
  }

  private Attack attack(Duration step) {
    Random random = new Random(20261126L);
    int[] nextGuess = new int[ACCOUNTS];
    Attack attack = new Attack(step);
    for (int i = 0; i < ATTEMPTS; i++) {
      int account = random.nextInt(ACCOUNTS);
      String ip = attackerIp(random.nextInt(ATTACKER_IPS));
      Result result = authenticator.login(account, attackerGuess(account, nextGuess[account]), ip);
      attack.results.merge(result, 1, Integer::sum);
      if (result == Result.THROTTLED) {
        attack.refusals.merge(authenticator.lastRefusal, 1, Integer::sum);
      } else {
        nextGuess[account]++;
        attack.checksPerAccount[account]++;
      }
      if (authenticator.lastLockedNow) {
        attack.lockouts++;
        attack.lockedAccounts.add(account);
      }
      clock.advance(step);
    }
    // Read the state without check(): an allowed check reserves an attempt.
    for (int ip = 0; ip < ATTACKER_IPS; ip++) {
      String bucket = ClientIp.bucket(attackerIp(ip));
      if (!counters.remaining(ThrottleKeys.ipReputation(bucket)).isZero()) {
        attack.bannedIps.add(attackerIp(ip));
      }
    }
    for (int account = 0; account < ACCOUNTS; account++) {
      if (!counters.remaining(ThrottleKeys.accountLock(accountKey(account))).isZero()) {
        attack.stillLocked.add(account);
      }
    }
    System.out.println(attack.report());
    return attack;
  }

  private static List<Integer> notLocked(Attack attack) {
    return IntStream.range(0, ACCOUNTS)
        .filter(a -> !attack.stillLocked.contains(a))
        .boxed()
        .toList();
  }

  private static String attackerGuess(int account, int position) {
    return position + 1 == REAL_PASSWORD_POSITION
        ? realPassword(account)
        : "Summer2026!-guess-" + position;
  }

  private static String realPassword(int account) {
    return "correct horse battery staple " + account;
  }

  private static String attackerIp(int n) {
    return "203.0.113." + (n + 1);
  }

  private static String cleanIp(int account) {
    return "192.0.2." + (account + 1);
  }

  private static String accountKey(int account) {
    return "dk1-account-" + account;
  }

  enum Result {
    SUCCESS,
    WRONG_PASSWORD,
    THROTTLED
  }

  /** The login use case in miniature: throttle check, password check, outcome to the throttle. */
  private static final class Authenticator {
    private final LoginThrottle throttle;
    private final Map<String, Set<Integer>> failedAccountsByIp = new HashMap<>();
    String lastRefusal;
    boolean lastLockedNow;

    Authenticator(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    Result login(int account, String password, String ip) {
      lastLockedNow = false;
      ThrottleDecision decision = throttle.check(accountKey(account), ip);
      if (!decision.allowed()) {
        lastRefusal = decision.reason();
        return Result.THROTTLED;
      }
      if (realPassword(account).equals(password)) {
        throttle.recordSuccess(accountKey(account), ip);
        return Result.SUCCESS;
      }
      failedAccountsByIp.computeIfAbsent(ip, k -> new HashSet<>()).add(account);
      lastLockedNow = throttle.recordFailure(accountKey(account), ip).lockedNow();
      return Result.WRONG_PASSWORD;
    }

    Set<String> ipsThatFailedAgainst(int accounts) {
      Set<String> ips = new HashSet<>();
      failedAccountsByIp.forEach(
          (ip, failed) -> {
            if (failed.size() >= accounts) {
              ips.add(ip);
            }
          });
      return ips;
    }
  }

  private static final class Attack {
    final Duration step;
    final Map<Result, Integer> results = new EnumMap<>(Result.class);
    final Map<String, Integer> refusals = new TreeMap<>();
    final int[] checksPerAccount = new int[ACCOUNTS];
    final Set<Integer> lockedAccounts = new HashSet<>();
    final Set<String> bannedIps = new HashSet<>();
    final Set<Integer> stillLocked = new HashSet<>();
    int lockouts;

    Attack(Duration step) {
      this.step = step;
    }

    int successes() {
      return results.getOrDefault(Result.SUCCESS, 0);
    }

    int passwordChecks() {
      return IntStream.of(checksPerAccount).sum();
    }

    int maxChecksPerAccount() {
      return IntStream.of(checksPerAccount).max().orElse(0);
    }

    String report() {
      return String.format(
          "credential stuffing (%d ms per attempt, %d s): %d attempts on %d accounts from %d IPs;"
              + " password checks %d (max %d per account), successes %d, throttled %d %s;"
              + " lockouts %d (%d accounts, %d still locked at the end);"
              + " IPs reputation-throttled %d/%d",
          step.toMillis(),
          step.multipliedBy(ATTEMPTS).toSeconds(),
          ATTEMPTS,
          ACCOUNTS,
          ATTACKER_IPS,
          passwordChecks(),
          maxChecksPerAccount(),
          successes(),
          results.getOrDefault(Result.THROTTLED, 0),
          refusals,
          lockouts,
          lockedAccounts.size(),
          stillLocked.size(),
          bannedIps.size(),
          ATTACKER_IPS);
    }
  }
}
