package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

  private static final Argon2idPasswordHasher HASHER = Argon2idPasswordHasher.owasp();
  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void hash_isPhcStringWithOwaspParameters_16ByteSalt_32ByteHash() {
    String hash = HASHER.hash(PASSWORD);

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    String[] parts = hash.split("\\$");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    assertThat(hash).doesNotContain(PASSWORD);
  }

  @Test
  void verify_acceptsTheSamePassword_refusesAnother() {
    String hash = HASHER.hash(PASSWORD);

    assertThat(HASHER.verify(PASSWORD, hash)).isTrue();
    assertThat(HASHER.verify("correct horse battery stapler", hash)).isFalse();
    assertThat(HASHER.verify("Correct horse battery staple", hash)).isFalse();
  }

  @Test
  void hash_ofTheSamePasswordTwice_differsBecauseOfTheSalt() {
    assertThat(HASHER.hash(PASSWORD)).isNotEqualTo(HASHER.hash(PASSWORD));
  }

  @Test
  void verify_treatsComposedAndDecomposedAccentsAsTheSamePassword() {
    String hash = HASHER.hash("caf\u00E9 au lait am Morgen");

    assertThat(HASHER.verify("cafe\u0301 au lait am Morgen", hash)).isTrue();
  }

  @Test
  void needsRehash_trueForHashMadeWithLowerParameters_whichStillVerifies() {
    Argon2idPasswordHasher older = new Argon2idPasswordHasher(new Argon2Parameters(8_192, 1, 1));
    String oldHash = older.hash(PASSWORD);

    assertThat(oldHash).contains("m=8192,t=1,p=1");
    assertThat(HASHER.needsRehash(oldHash)).isTrue();
    assertThat(HASHER.verify(PASSWORD, oldHash)).isTrue();
  }

  @Test
  void needsRehash_falseForCurrentOrStrongerParameters() {
    Argon2idPasswordHasher stronger =
        new Argon2idPasswordHasher(new Argon2Parameters(32_768, 3, 1));

    assertThat(HASHER.needsRehash(HASHER.hash(PASSWORD))).isFalse();
    assertThat(HASHER.needsRehash(stronger.hash(PASSWORD))).isFalse();
  }

  @Test
  void needsRehash_trueForOtherVariantsAlgorithmsAndGarbage() {
    String argon2i =
        Password.hash(PASSWORD)
            .addRandomSalt(16)
            .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.I, 19))
            .getResult();

    assertThat(HASHER.needsRehash(argon2i)).isTrue();
    assertThat(HASHER.needsRehash("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"))
        .isTrue();
    assertThat(HASHER.needsRehash("not a hash")).isTrue();
    assertThat(HASHER.needsRehash(null)).isTrue();
  }

  @Test
  void verify_returnsFalseForForeignOrMalformedStoredValues() {
    String argon2i =
        Password.hash(PASSWORD)
            .addRandomSalt(16)
            .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.I, 19))
            .getResult();

    assertThat(HASHER.verify(PASSWORD, argon2i)).isFalse();
    assertThat(HASHER.verify(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$garbage")).isFalse();
    assertThat(HASHER.verify(PASSWORD, "")).isFalse();
    assertThat(HASHER.verify(PASSWORD, null)).isFalse();
  }

  @Test
  void verify_refusesStoredHashClaimingExcessiveCost_withoutComputingIt() {
    String tampered =
        "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
            + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    long start = System.nanoTime();
    boolean verified = HASHER.verify(PASSWORD, tampered);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(verified).isFalse();
    // Parsing it with password4j alone took 46-90 s here; the dummy check takes well under 1 s.
    assertThat(took).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void needsRehash_trueForHashWithShortSalt() {
    String shortSalt =
        Password.hash(PASSWORD)
            .addRandomSalt(8)
            .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19))
            .getResult();

    assertThat(HASHER.verify(PASSWORD, shortSalt)).isTrue();
    assertThat(HASHER.needsRehash(shortSalt)).isTrue();
  }

  @Test
  void verifyAgainstDummy_checksAHashWithTheConfiguredCost() {
    String dummy = HASHER.dummyHash();

    assertThat(dummy).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(HASHER.needsRehash(dummy)).isFalse();
    assertThat(HASHER.verify(PASSWORD, dummy)).isFalse();
    HASHER.verifyAgainstDummy(PASSWORD);
  }

  @Test
  void parameters_refuseValuesArgon2CannotUse() {
    assertThatThrownBy(() -> new Argon2Parameters(19_456, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Parameters(7, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2idPasswordHasher(new Argon2Parameters(524_288, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
