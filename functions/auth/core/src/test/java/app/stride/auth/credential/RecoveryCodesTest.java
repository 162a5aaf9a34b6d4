package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

  private final RecoveryCodes codes = new RecoveryCodes();

  @Test
  void generate_returnsTenDistinctCodes_ofThreeGroupsOfFourCrockfordCharacters() {
    List<String> generated = codes.generate();

    assertThat(generated)
        .hasSize(RecoveryCodes.COUNT)
        .doesNotHaveDuplicates()
        .allMatch(
            c -> c.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}"));
  }

  @Test
  void generate_givesNewCodesEachTime() {
    assertThat(codes.generate()).doesNotContainAnyElementsOf(codes.generate());
  }

  @Test
  void match_acceptsUpperCaseSpacesAndDashes() {
    List<String> hashes = List.of(codes.hash("k7qm-3xtd-9bfw"));

    assertThat(codes.match("K7QM 3XTD-9BFW", hashes)).hasValue(0);
    assertThat(codes.match("  k7qm3xtd9bfw ", hashes)).hasValue(0);
  }

  @Test
  void match_readsLookAlikeLettersAsDigits() {
    List<String> hashes = List.of(codes.hash("a0b1-c1d0-ef23"));

    assertThat(codes.match("AOBI-CLDO-EF23", hashes)).hasValue(0);
  }

  @Test
  void match_returnsTheIndexOfTheMatchingHash() {
    List<String> generated = codes.generate();
    List<String> hashes = generated.stream().map(codes::hash).toList();

    assertThat(codes.match(generated.get(7), hashes)).hasValue(7);
  }

  @Test
  void match_refusesWrongCode() {
    List<String> hashes = codes.generate().stream().map(codes::hash).toList();

    assertThat(codes.match("zzzz-zzzz-zzzz", hashes)).isEmpty();
    assertThat(codes.match("", hashes)).isEmpty();
    assertThat(codes.match(null, hashes)).isEmpty();
  }

  @Test
  void match_refusesACodeWhoseHashWasRemovedAfterUse() {
    List<String> generated = codes.generate();
    List<String> hashes = new ArrayList<>(generated.stream().map(codes::hash).toList());
    int used = codes.match(generated.get(3), hashes).orElseThrow();
    hashes.set(used, null);

    assertThat(codes.match(generated.get(3), hashes)).isEmpty();
    assertThat(codes.match(generated.get(4), hashes)).hasValue(4);
  }

  @Test
  void hash_isSha256OfTheNormalizedCode_andHidesTheCode() throws Exception {
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest("k7qm3xtd9bfw".getBytes(StandardCharsets.US_ASCII));

    assertThat(codes.hash("K7QM-3XTD-9BFW"))
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
        .doesNotContainIgnoringCase("k7qm");
  }
}
