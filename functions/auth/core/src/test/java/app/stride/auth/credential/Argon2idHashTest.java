package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHashTest {

  private static final String SALT16 = "c29tZXNhbHRzb21lc2FsdA";
  private static final String HASH32 = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

  @Test
  void parse_readsParametersAndLengths() {
    Argon2idHash hash =
        Argon2idHash.parse("$argon2id$v=19$m=19456,t=2,p=1$" + SALT16 + "$" + HASH32).orElseThrow();

    assertThat(hash.parameters()).isEqualTo(Argon2Parameters.OWASP);
    assertThat(hash.saltBytes()).isEqualTo(16);
    assertThat(hash.hashBytes()).isEqualTo(32);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "m=4194304,t=2,p=1",
        "m=19456,t=11,p=1",
        "m=19456,t=2,p=9",
        "m=99999999999,t=2,p=1",
        "m=19456,t=0,p=1",
        "m=4,t=2,p=1"
      })
  void parse_refusesParametersOutsideTheSafeRange(String parameters) {
    assertThat(Argon2idHash.parse("$argon2id$v=19$" + parameters + "$" + SALT16 + "$" + HASH32))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaA==",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        ""
      })
  void parse_refusesOtherFormats(String stored) {
    assertThat(Argon2idHash.parse(stored)).isEmpty();
  }
}
