package app.stride.auth.throttle;

/**
 * The counter keys of the login throttle. Account keys are keyed hashes already; IPs are counted by
 * {@link ClientIp#bucket}. Stores add their own namespace in front.
 */
final class ThrottleKeys {

  private ThrottleKeys() {}

  /** Attempts (reserved, then failed) against the account in the window. */
  static String accountAttempts(String account) {
    return "acct:" + account + ":n";
  }

  static String accountDelay(String account) {
    return "acct:" + account + ":delay";
  }

  static String accountLock(String account) {
    return "acct:" + account + ":lock";
  }

  /** Attempts against the account from one IP bucket in the window. */
  static String accountIpAttempts(String account, String ipBucket) {
    return "acctip:" + account + ":" + ipBucket + ":n";
  }

  static String accountIpDelay(String account, String ipBucket) {
    return "acctip:" + account + ":" + ipBucket + ":delay";
  }

  static String accountIpBlock(String account, String ipBucket) {
    return "acctip:" + account + ":" + ipBucket + ":block";
  }

  /** Failures from the IP bucket against any account in the window. */
  static String ipFailures(String ipBucket) {
    return "ip:" + ipBucket + ":n";
  }

  /** Distinct accounts the IP bucket failed against in the window. */
  static String ipAccounts(String ipBucket) {
    return "ip:" + ipBucket + ":accounts";
  }

  static String ipReputation(String ipBucket) {
    return "ip:" + ipBucket + ":reputation";
  }
}
