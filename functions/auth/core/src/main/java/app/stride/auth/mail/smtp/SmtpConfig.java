package app.stride.auth.mail.smtp;

import app.stride.core.config.Env;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how {@link SmtpMailSender} delivers.
 *
 * @param host the SMTP server
 * @param port its port (25 or 587 typically; 587 with STARTTLS for a relay)
 * @param username the login, when the server wants one (together with {@code password})
 * @param password the password; never shown by {@link #toString()}
 * @param startTls whether to require STARTTLS (the session fails rather than fall back to clear
 *     text)
 * @param from the sender, e.g. {@code Stride <no-reply@stride.example>}
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout how long to wait for each server reply (and each write)
 */
public record SmtpConfig(
    String host,
    int port,
    Optional<String> username,
    Optional<String> password,
    boolean startTls,
    String from,
    Duration connectTimeout,
    Duration readTimeout) {

  /** The SMTP server's host name. */
  public static final String HOST_ENV = "STRIDE_SMTP_HOST";

  /** The SMTP server's port. */
  public static final String PORT_ENV = "STRIDE_SMTP_PORT";

  /** The SMTP login (optional). */
  public static final String USERNAME_ENV = "STRIDE_SMTP_USERNAME";

  /** The SMTP password (optional, set from a secret). */
  public static final String PASSWORD_ENV = "STRIDE_SMTP_PASSWORD";

  /** {@code true} to require STARTTLS. */
  public static final String STARTTLS_ENV = "STRIDE_SMTP_STARTTLS";

  /** The sender address. */
  public static final String FROM_ENV = "STRIDE_MAIL_FROM";

  /** The connect timeout in milliseconds (optional). */
  public static final String CONNECT_TIMEOUT_ENV = "STRIDE_SMTP_CONNECT_TIMEOUT_MS";

  /** The read timeout in milliseconds (optional). */
  public static final String READ_TIMEOUT_ENV = "STRIDE_SMTP_READ_TIMEOUT_MS";

  /** Used when no connect timeout is configured. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Used when no read timeout is configured. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  /**
   * @throws IllegalArgumentException when a value is missing or out of range, only one of username
   *     and password is given, credentials would travel without STARTTLS to a non-loopback host, or
   *     {@code from} is not an address
   */
  public SmtpConfig {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("SMTP host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SMTP port out of range");
    }
    username = Objects.requireNonNullElse(username, Optional.<String>empty()).filter(notBlank());
    password = Objects.requireNonNullElse(password, Optional.<String>empty()).filter(notBlank());
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("SMTP username and password go together");
    }
    if (username.isPresent() && !startTls && !isLoopback(host)) {
      throw new IllegalArgumentException(
          "SMTP credentials need STARTTLS unless the server is on loopback");
    }
    requireAddress(from);
    requirePositiveMillis(connectTimeout, "connectTimeout");
    requirePositiveMillis(readTimeout, "readTimeout");
  }

  /**
   * A server without login or TLS, such as the local platform's GreenMail, with default timeouts.
   */
  public static SmtpConfig plain(String host, int port, String from) {
    return new SmtpConfig(
        host,
        port,
        Optional.empty(),
        Optional.empty(),
        false,
        from,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT);
  }

  /** Reads the {@code STRIDE_SMTP_*} variables and {@code STRIDE_MAIL_FROM}. */
  public static SmtpConfig fromEnv(Env env) {
    return new SmtpConfig(
        env.require(HOST_ENV),
        Integer.parseInt(env.require(PORT_ENV)),
        env.optional(USERNAME_ENV),
        env.optional(PASSWORD_ENV),
        env.flag(STARTTLS_ENV),
        env.require(FROM_ENV),
        env.optional(CONNECT_TIMEOUT_ENV)
            .map(ms -> Duration.ofMillis(Long.parseLong(ms)))
            .orElse(DEFAULT_CONNECT_TIMEOUT),
        env.optional(READ_TIMEOUT_ENV)
            .map(ms -> Duration.ofMillis(Long.parseLong(ms)))
            .orElse(DEFAULT_READ_TIMEOUT));
  }

  /** Whether a login is configured. */
  public boolean authenticates() {
    return username.isPresent();
  }

  /** The configuration with the password masked. */
  @Override
  public String toString() {
    return "SmtpConfig[host="
        + host
        + ", port="
        + port
        + ", username="
        + username.orElse("-")
        + ", password="
        + (password.isPresent() ? "****" : "-")
        + ", startTls="
        + startTls
        + ", from="
        + from
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return LOOPBACK_HOSTS.contains(h) || h.startsWith("127.");
  }

  private static java.util.function.Predicate<String> notBlank() {
    return s -> !s.isBlank();
  }

  private static void requireAddress(String from) {
    Objects.requireNonNull(from, "from");
    try {
      new InternetAddress(from, true).validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP from is not a valid address");
    }
  }

  private static void requirePositiveMillis(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be positive and below 24 days");
    }
  }
}
