package app.stride.core.directory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.directory.http.DirectoryRequestSigner.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryRequestSignerTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String PATH =
      "/directory/v1/entries/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  private static final byte[] BODY = "{\"region\":\"eu\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  private final DirectoryRequestSigner signer = new DirectoryRequestSigner(SECRET);

  @Test
  void sign_matchesTheDocumentedFormat_computedIndependentlyWithOpenssl() {
    // printf 'PUT\n<path>\n1700000000\n<base64url(sha256(body))>' |
    //   openssl dgst -sha256 -mac HMAC -macopt key:<secret> -binary | basenc --base64url
    Map<String, String> headers = signer.sign("PUT", PATH, BODY, NOW);

    assertThat(headers)
        .containsEntry(DirectoryRequestSigner.TIMESTAMP_HEADER, "1700000000")
        .containsEntry(
            DirectoryRequestSigner.SIGNATURE_HEADER, "DnQuQtexi5YTQRXWDiQFeEFEgXPL1TomZUVWmmVDc2g");
  }

  @Test
  void verify_acceptsWhatItSigned() {
    Map<String, String> headers = signer.sign("PUT", PATH, BODY, NOW);

    assertThat(verify(signer, "PUT", PATH, BODY, headers, NOW)).isEqualTo(Verdict.VALID);
  }

  @Test
  void verify_refusesAnotherSecret() {
    DirectoryRequestSigner other =
        new DirectoryRequestSigner(
            "another-secret-of-thirty-two-byt".getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = other.sign("PUT", PATH, BODY, NOW);

    assertThat(verify(signer, "PUT", PATH, BODY, headers, NOW)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void verify_refusesAChangedMethodPathOrBody() {
    Map<String, String> headers = signer.sign("PUT", PATH, BODY, NOW);
    byte[] otherBody = "{\"region\":\"us\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(verify(signer, "DELETE", PATH, BODY, headers, NOW)).isEqualTo(Verdict.MISMATCH);
    assertThat(verify(signer, "PUT", PATH.replace('A', 'B'), BODY, headers, NOW))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(verify(signer, "PUT", PATH, otherBody, headers, NOW)).isEqualTo(Verdict.MISMATCH);
    assertThat(verify(signer, "PUT", PATH, new byte[0], headers, NOW)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void verify_refusesAChangedTimestamp_evenInsideTheWindow() {
    Map<String, String> headers = signer.sign("PUT", PATH, BODY, NOW);
    String moved = Long.toString(NOW.getEpochSecond() + 5);

    assertThat(
            signer.verify(
                "PUT",
                PATH,
                BODY,
                moved,
                headers.get(DirectoryRequestSigner.SIGNATURE_HEADER),
                NOW))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void verify_acceptsSixtySecondsOfSkewEitherWay_andRefusesSixtyOne() {
    Map<String, String> headers = signer.sign("GET", PATH, new byte[0], NOW);

    assertThat(verify(signer, "GET", PATH, new byte[0], headers, NOW.plusSeconds(60)))
        .isEqualTo(Verdict.VALID);
    assertThat(verify(signer, "GET", PATH, new byte[0], headers, NOW.minusSeconds(60)))
        .isEqualTo(Verdict.VALID);
    assertThat(verify(signer, "GET", PATH, new byte[0], headers, NOW.plusSeconds(61)))
        .isEqualTo(Verdict.OUT_OF_WINDOW);
    assertThat(verify(signer, "GET", PATH, new byte[0], headers, NOW.minusSeconds(61)))
        .isEqualTo(Verdict.OUT_OF_WINDOW);
  }

  @Test
  void verify_refusesMissingHeaders() {
    Map<String, String> headers = signer.sign("GET", PATH, new byte[0], NOW);
    String signature = headers.get(DirectoryRequestSigner.SIGNATURE_HEADER);

    assertThat(signer.verify("GET", PATH, new byte[0], null, signature, NOW))
        .isEqualTo(Verdict.MISSING);
    assertThat(signer.verify("GET", PATH, new byte[0], "1700000000", null, NOW))
        .isEqualTo(Verdict.MISSING);
  }

  @Test
  void verify_refusesGarbledHeaders() {
    String signature =
        signer.sign("GET", PATH, new byte[0], NOW).get(DirectoryRequestSigner.SIGNATURE_HEADER);

    for (String timestamp :
        new String[] {"", "17e8", "-1700000000", "+1700000000", " 1700000000"}) {
      assertThat(signer.verify("GET", PATH, new byte[0], timestamp, signature, NOW))
          .as("timestamp %s", timestamp)
          .isEqualTo(Verdict.MALFORMED);
    }
    String padded = signature + "=";
    String standardAlphabet = signature.substring(0, 42) + "+";
    for (String garbled : new String[] {"", "abc", padded, standardAlphabet, signature + "A"}) {
      assertThat(signer.verify("GET", PATH, new byte[0], "1700000000", garbled, NOW))
          .as("signature %s", garbled)
          .isEqualTo(Verdict.MALFORMED);
    }
  }

  @Test
  void verify_refusesAMultiLinePath_thatCouldForgeTheSignedText() {
    Map<String, String> headers = signer.sign("GET", PATH, new byte[0], NOW);

    assertThat(verify(signer, "GET", PATH + "\n1700000000", new byte[0], headers, NOW))
        .isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void constructor_refusesASecretShorterThan32Bytes() {
    assertThatThrownBy(() -> new DirectoryRequestSigner(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void fromBase64_decodesTheEnvironmentForm_andNeverEchoesABadValue() {
    DirectoryRequestSigner decoded =
        DirectoryRequestSigner.fromBase64(Base64.getEncoder().encodeToString(SECRET));

    assertThat(decoded.sign("PUT", PATH, BODY, NOW)).isEqualTo(signer.sign("PUT", PATH, BODY, NOW));
    assertThatThrownBy(() -> DirectoryRequestSigner.fromBase64("not*base64!secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret!")
        .hasMessageNotContaining("not*base64");
  }

  @Test
  void toString_revealsNoSecret() {
    assertThat(signer.toString()).doesNotContain("0123456789").contains("redacted");
  }

  private static Verdict verify(
      DirectoryRequestSigner signer,
      String method,
      String path,
      byte[] body,
      Map<String, String> headers,
      Instant now) {
    return signer.verify(
        method,
        path,
        body,
        headers.get(DirectoryRequestSigner.TIMESTAMP_HEADER),
        headers.get(DirectoryRequestSigner.SIGNATURE_HEADER),
        now);
  }
}
