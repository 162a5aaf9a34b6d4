package app.stride.devices.gcp.adapter.out.kms;

import app.stride.core.json.Json;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WireMock transformer answering Cloud KMS's REST {@code cryptoKeys.encrypt} and {@code decrypt}
 * like Cloud KMS does: the plaintext is really wrapped (AES-GCM) under a test key per CryptoKey
 * with the {@code additionalAuthenticatedData}, the CRC32C fields are verified and answered, and a
 * wrong key, AAD or ciphertext answers {@code 400 INVALID_ARGUMENT}, an unknown key {@code 404
 * NOT_FOUND}. Only what the adapter uses is implemented.
 */
final class FakeCloudKms implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-cloud-kms";
  private static final Pattern PATH = Pattern.compile("/v1/(.+):(encrypt|decrypt)");

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  FakeCloudKms(String... keyNames) {
    for (String keyName : keyNames) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      keys.put(keyName, new SecretKeySpec(key, "AES"));
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Matcher path = PATH.matcher(event.getRequest().getUrl());
    if (!path.matches()) {
      return error(404, "NOT_FOUND", "no such method");
    }
    SecretKeySpec key = keys.get(path.group(1));
    if (key == null) {
      return error(404, "NOT_FOUND", "CryptoKey " + path.group(1) + " not found.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> body = Json.mapper().readValue(event.getRequest().getBody(), Map.class);
    byte[] aad = bytes(body.get("additionalAuthenticatedData"));
    if (!crcMatches(body.get("additionalAuthenticatedDataCrc32c"), aad)) {
      return error(400, "INVALID_ARGUMENT", "additional_authenticated_data_crc32c mismatch");
    }
    try {
      return path.group(2).equals("encrypt")
          ? encrypt(path.group(1), key, body, aad)
          : decrypt(path.group(1), key, body, aad);
    } catch (GeneralSecurityException e) {
      return error(400, "INVALID_ARGUMENT", "Decryption failed: the ciphertext is invalid.");
    }
  }

  private ResponseDefinition encrypt(
      String name, SecretKeySpec key, Map<String, Object> body, byte[] aad)
      throws GeneralSecurityException {
    byte[] plaintext = bytes(body.get("plaintext"));
    if (!crcMatches(body.get("plaintextCrc32c"), plaintext)) {
      return error(400, "INVALID_ARGUMENT", "plaintext_crc32c mismatch");
    }
    byte[] id = name.getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(aad);
    byte[] sealed = cipher.doFinal(plaintext);
    byte[] ciphertext =
        ByteBuffer.allocate(1 + id.length + 12 + sealed.length)
            .put((byte) id.length)
            .put(id)
            .put(nonce)
            .put(sealed)
            .array();
    return ok(
        Map.of(
            "name", name + "/cryptoKeyVersions/1",
            "ciphertext", Base64.getEncoder().encodeToString(ciphertext),
            "ciphertextCrc32c", Long.toString(crc(ciphertext)),
            "verifiedPlaintextCrc32c", body.containsKey("plaintextCrc32c"),
            "verifiedAdditionalAuthenticatedDataCrc32c",
                body.containsKey("additionalAuthenticatedDataCrc32c"),
            "protectionLevel", "SOFTWARE"));
  }

  private ResponseDefinition decrypt(
      String name, SecretKeySpec key, Map<String, Object> body, byte[] aad)
      throws GeneralSecurityException {
    byte[] ciphertext = bytes(body.get("ciphertext"));
    if (!crcMatches(body.get("ciphertextCrc32c"), ciphertext)) {
      return error(400, "INVALID_ARGUMENT", "ciphertext_crc32c mismatch");
    }
    int idLength = ciphertext.length == 0 ? 0 : ciphertext[0] & 0xff;
    if (ciphertext.length < 1 + idLength + 12 + 16
        || !name.equals(new String(ciphertext, 1, idLength, StandardCharsets.US_ASCII))) {
      return error(400, "INVALID_ARGUMENT", "Decryption failed: the ciphertext is invalid.");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 1 + idLength, 12));
    cipher.updateAAD(aad);
    byte[] plaintext =
        cipher.doFinal(Arrays.copyOfRange(ciphertext, 1 + idLength + 12, ciphertext.length));
    return ok(
        Map.of(
            "plaintext",
            Base64.getEncoder().encodeToString(plaintext),
            "plaintextCrc32c",
            Long.toString(crc(plaintext)),
            "usedPrimary",
            true,
            "protectionLevel",
            "SOFTWARE"));
  }

  private static boolean crcMatches(Object given, byte[] bytes) {
    return given == null || given.toString().equals(Long.toString(crc(bytes)));
  }

  static long crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return crc.getValue();
  }

  private static byte[] bytes(Object base64) {
    return base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.toString());
  }

  static ResponseDefinition error(int code, String status, String message) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(code)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(
            Json.toBytes(
                Map.of("error", Map.of("code", code, "message", message, "status", status))))
        .build();
  }

  private static ResponseDefinition ok(Map<String, Object> body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(Json.toBytes(body))
        .build();
  }
}
