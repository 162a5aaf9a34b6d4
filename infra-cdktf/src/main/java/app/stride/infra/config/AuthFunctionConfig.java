package app.stride.infra.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the auth functions of every region are deployed with, beyond the token settings of {@link
 * AuthConfig}. None of it is secret: secrets reach the functions only as references (see {@code
 * AuthSecrets} and {@code AuthFunctionSecrets}).
 *
 * @param publicUrl base of the links in mail ({@code STRIDE_PUBLIC_URL}, https)
 * @param directoryUrl base URL of the global directory API ({@code STRIDE_DIRECTORY_URL}, https):
 *     the global stack's {@code directory_url} output, or a domain in front of it
 * @param mailFromName display name of the sender ({@code STRIDE_MAIL_FROM} is {@code "name
 *     <address>"})
 * @param mailFromAddress the sender address; its domain is the SES identity of each AWS region, and
 *     the address is the only one the functions may send from
 * @param maxConcurrency the HTTP function's reserved concurrency (AWS) and maximum instances (GCP):
 *     one Argon2id hash needs about 19 MiB and a full core, so this also caps hashing load
 * @param smtpHost the SMTP relay of GCP regions ({@code STRIDE_SMTP_HOST}); STARTTLS is required
 * @param smtpPort its submission port ({@code STRIDE_SMTP_PORT}), usually 587
 * @param smtpUsername its login ({@code STRIDE_SMTP_USERNAME}); the password is a Secret Manager
 *     secret per region
 * @param googleClientIds OAuth client ids accepted as {@code aud} of Google ID tokens ({@code
 *     STRIDE_GOOGLE_CLIENT_IDS}); empty disables Google sign-in
 * @param appleClientIds service/bundle ids accepted as {@code aud} of Apple ID tokens ({@code
 *     STRIDE_APPLE_CLIENT_IDS}); empty disables Apple sign-in
 */
public record AuthFunctionConfig(
    String publicUrl,
    String directoryUrl,
    String mailFromName,
    String mailFromAddress,
    int maxConcurrency,
    String smtpHost,
    int smtpPort,
    String smtpUsername,
    List<String> googleClientIds,
    List<String> appleClientIds) {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@([a-z0-9-]+\\.)+[a-z]{2,}");
  private static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9 .'-]{1,64}");
  private static final Pattern HOST = Pattern.compile("([a-z0-9-]+\\.)+[a-z]{2,}");

  /** Validates every value; a bad one fails the synth, not the first sign-up. */
  public AuthFunctionConfig {
    requireHttps(publicUrl, "publicUrl");
    requireHttps(directoryUrl, "directoryUrl");
    require(mailFromName, DISPLAY_NAME, "mailFromName");
    require(mailFromAddress, ADDRESS, "mailFromAddress");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    require(smtpHost, HOST, "smtpHost");
    if (smtpPort < 1 || smtpPort > 65_535) {
      throw new IllegalArgumentException("smtpPort out of range: " + smtpPort);
    }
    Objects.requireNonNull(smtpUsername, "smtpUsername");
    if (smtpUsername.isBlank()) {
      throw new IllegalArgumentException("smtpUsername must not be blank");
    }
    googleClientIds = List.copyOf(Objects.requireNonNull(googleClientIds, "googleClientIds"));
    appleClientIds = List.copyOf(Objects.requireNonNull(appleClientIds, "appleClientIds"));
  }

  /** The {@code STRIDE_MAIL_FROM} value: {@code Name <address>}. */
  public String mailFrom() {
    return mailFromName + " <" + mailFromAddress + ">";
  }

  /** The domain of {@link #mailFromAddress()}: the sending identity. */
  public String mailDomain() {
    return mailFromAddress.substring(mailFromAddress.indexOf('@') + 1);
  }

  private static void requireHttps(String url, String name) {
    Objects.requireNonNull(url, name);
    if (!url.startsWith("https://")) {
      throw new IllegalArgumentException(name + " must be an https URL: " + url);
    }
  }

  private static void require(String value, Pattern pattern, String name) {
    Objects.requireNonNull(value, name);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is not valid: " + value);
    }
  }
}
