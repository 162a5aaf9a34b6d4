package app.stride.devices.aws.adapter.out.kms;

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
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WireMock transformer that answers KMS's JSON 1.1 {@code GenerateDataKey} and {@code Decrypt}
 * like KMS does: data keys are really wrapped (AES-GCM) under a test master key, with the
 * encryption context as authenticated data, so {@code Decrypt} with another context, another key or
 * an altered blob answers KMS's {@code InvalidCiphertextException} / {@code IncorrectKeyException}.
 * Only what the adapter uses is implemented.
 */
final class FakeKms implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-kms";
  static final String JSON_11 = "application/x-amz-json-1.1";

  private final Map<String, SecretKeySpec> masterKeys = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  FakeKms(String... keyIds) {
    for (String keyId : keyIds) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      masterKeys.put(keyId, new SecretKeySpec(key, "AES"));
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
    String target = event.getRequest().getHeader("X-Amz-Target");
    Map<String, Object> body = read(event.getRequest().getBody());
    try {
      return switch (target) {
        case "TrentService.GenerateDataKey" -> generateDataKey(body);
        case "TrentService.Decrypt" -> decrypt(body);
        default -> error(400, "UnknownOperationException", "not faked");
      };
    } catch (GeneralSecurityException e) {
      return error(400, "InvalidCiphertextException", "");
    }
  }

  private ResponseDefinition generateDataKey(Map<String, Object> body)
      throws GeneralSecurityException {
    String keyId = (String) body.get("KeyId");
    SecretKeySpec master = masterKeys.get(keyId);
    if (master == null) {
      return error(400, "NotFoundException", "Key '" + keyId + "' does not exist");
    }
    if (!"AES_256".equals(body.get("KeySpec"))) {
      return error(400, "ValidationException", "KeySpec or NumberOfBytes required");
    }
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(canonical(body.get("EncryptionContext")));
    byte[] sealed = cipher.doFinal(dataKey);
    byte[] blob =
        ByteBuffer.allocate(1 + id.length + 12 + sealed.length)
            .put((byte) id.length)
            .put(id)
            .put(nonce)
            .put(sealed)
            .array();
    return ok(
        Map.of(
            "CiphertextBlob", b64(blob),
            "Plaintext", b64(dataKey),
            "KeyId", keyId));
  }

  private ResponseDefinition decrypt(Map<String, Object> body) throws GeneralSecurityException {
    byte[] blob = Base64.getDecoder().decode((String) body.get("CiphertextBlob"));
    int idLength = blob.length == 0 ? 0 : blob[0] & 0xff;
    if (blob.length < 1 + idLength + 12 + 16) {
      return error(400, "InvalidCiphertextException", "");
    }
    String blobKeyId = new String(blob, 1, idLength, StandardCharsets.US_ASCII);
    Object requested = body.get("KeyId");
    if (requested != null && !requested.equals(blobKeyId)) {
      return error(400, "IncorrectKeyException", "The key ID in the request does not match");
    }
    SecretKeySpec master = masterKeys.get(blobKeyId);
    if (master == null) {
      return error(400, "InvalidCiphertextException", "");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, blob, 1 + idLength, 12));
    cipher.updateAAD(canonical(body.get("EncryptionContext")));
    byte[] dataKey = cipher.doFinal(Arrays.copyOfRange(blob, 1 + idLength + 12, blob.length));
    return ok(
        Map.of(
            "KeyId",
            blobKeyId,
            "Plaintext",
            b64(dataKey),
            "EncryptionAlgorithm",
            "SYMMETRIC_DEFAULT"));
  }

  /** The context as KMS binds it: independent of order, absent and empty alike. */
  private static byte[] canonical(Object context) {
    StringBuilder text = new StringBuilder();
    if (context instanceof Map<?, ?> map) {
      new TreeMap<>(map).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ResponseDefinition error(int status, String type, String message) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", JSON_11)
        .withBody(Json.toBytes(Map.of("__type", type, "message", message)))
        .build();
  }

  private static ResponseDefinition ok(Map<String, Object> body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", JSON_11)
        .withBody(Json.toBytes(body))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(byte[] body) {
    return Json.mapper().readValue(body, Map.class);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
