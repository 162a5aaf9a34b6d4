package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies OAuth {@code state} values bound to a user and a provider, with no
 * server-side storage: {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, where
 * the payload holds the provider, the user id, a random nonce and an expiry. On the callback the
 * state must carry a valid MAC, be unexpired, and name the signed-in user and the provider of the
 * route: a state from another user's flow (login CSRF), a forged or altered one, or an old one is
 * refused. The PKCE code verifier is derived from the state under the same key with a different
 * label, so it too needs no storage and is known only to us.
 */
public final class OAuthStates {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_STATE_LENGTH = 1024;

  private final byte[] key;
  private final Duration ttl;
  private final SecureRandom random;

  /**
   * @param key the HMAC key, at least 32 bytes
   * @param ttl how long a state is valid (the user's time at the provider's consent page)
   */
  public OAuthStates(Secret key, Duration ttl, SecureRandom random) {
    this.key = Objects.requireNonNull(key, "key").bytes();
    if (this.key.length < 32) {
      throw new IllegalArgumentException("the state key must have at least 256 bits");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    this.ttl = ttl;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Ten minutes to finish the provider's consent page. */
  public static OAuthStates withDefaults(Secret key) {
    return new OAuthStates(key, Duration.ofMinutes(10), new SecureRandom());
  }

  /** A new state for a user's flow with a provider. */
  public String issue(UserId user, Provider provider, Instant now) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String payload =
        String.join(
            "|",
            "v1",
            provider.wire(),
            user.value(),
            ENCODER.encodeToString(nonce),
            Long.toString(now.plus(ttl).getEpochSecond()));
    byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payloadBytes)
        + "."
        + ENCODER.encodeToString(mac("state", payloadBytes));
  }

  /**
   * Verifies a callback's state.
   *
   * @throws StateRejectedException when it is malformed, tampered with, expired, or issued to
   *     another user or for another provider
   */
  public void verify(String state, UserId user, Provider provider, Instant now) {
    byte[] payload = authenticPayload(state);
    String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (fields.length != 5 || !fields[0].equals("v1")) {
      throw new StateRejectedException(StateRejectedException.Reason.MALFORMED);
    }
    long expiry;
    try {
      expiry = Long.parseLong(fields[4]);
    } catch (NumberFormatException e) {
      throw new StateRejectedException(StateRejectedException.Reason.MALFORMED);
    }
    if (now.getEpochSecond() > expiry) {
      throw new StateRejectedException(StateRejectedException.Reason.EXPIRED);
    }
    if (!fields[1].equals(provider.wire())) {
      throw new StateRejectedException(StateRejectedException.Reason.OTHER_PROVIDER);
    }
    if (!fields[2].equals(user.value())) {
      throw new StateRejectedException(StateRejectedException.Reason.OTHER_USER);
    }
  }

  /** The PKCE code verifier belonging to a state (43 characters, derived, never stored). */
  public String codeVerifier(String state) {
    return ENCODER.encodeToString(mac("pkce", state.getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] authenticPayload(String state) {
    if (state == null || state.length() > MAX_STATE_LENGTH) {
      throw new StateRejectedException(StateRejectedException.Reason.MALFORMED);
    }
    int dot = state.indexOf('.');
    if (dot <= 0 || dot != state.lastIndexOf('.')) {
      throw new StateRejectedException(StateRejectedException.Reason.MALFORMED);
    }
    byte[] payload;
    byte[] received;
    try {
      payload = DECODER.decode(state.substring(0, dot));
      received = DECODER.decode(state.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new StateRejectedException(StateRejectedException.Reason.MALFORMED);
    }
    if (!MessageDigest.isEqual(mac("state", payload), received)) {
      throw new StateRejectedException(StateRejectedException.Reason.TAMPERED);
    }
    return payload;
  }

  private byte[] mac(String label, byte[] data) {
    byte[] labelled = new byte[label.length() + 1 + data.length];
    byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(labelBytes, 0, labelled, 0, labelBytes.length);
    labelled[labelBytes.length] = 0;
    System.arraycopy(data, 0, labelled, labelBytes.length + 1, data.length);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(labelled);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
