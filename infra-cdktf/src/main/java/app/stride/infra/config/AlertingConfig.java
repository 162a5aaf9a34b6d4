package app.stride.infra.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where every alarm of an environment goes and when the edge alarms fire. Each regional stack
 * creates its own SNS topic (AWS) or notification channels (GCP) and subscribes these addresses;
 * the addresses live only here, per environment.
 *
 * @param emails who is notified; may be empty (subscribe a pager to the topic out of band)
 * @param throttledRequestsThreshold 429 answers of a region's API in one period at or above which
 *     the throttling alarm fires
 * @param periodSeconds evaluation period of the edge alarms (throttles, breaker)
 */
public record AlertingConfig(
    List<String> emails, int throttledRequestsThreshold, int periodSeconds) {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@([a-z0-9-]+\\.)+[a-z]{2,}");

  /** Validates the addresses and the alarm values. */
  public AlertingConfig {
    emails = List.copyOf(Objects.requireNonNull(emails, "emails"));
    for (String email : emails) {
      if (!ADDRESS.matcher(email).matches()) {
        throw new IllegalArgumentException("not an email address: " + email);
      }
    }
    if (throttledRequestsThreshold < 1 || periodSeconds < 60) {
      throw new IllegalArgumentException("threshold >= 1 and period >= 60 s required");
    }
  }
}
