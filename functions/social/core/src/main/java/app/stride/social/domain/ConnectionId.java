package app.stride.social.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of one WebSocket connection as the serving gateway names it (API Gateway's {@code
 * connectionId}, e.g. {@code L0SM9cOFvHcCIhw=}; the Cloud Run server's random id).
 *
 * @param value the id
 */
public record ConnectionId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_=+-]{1,128}");

  public ConnectionId {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a connection id");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
