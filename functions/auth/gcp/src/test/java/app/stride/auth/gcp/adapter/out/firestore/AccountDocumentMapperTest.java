package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.domain.Account;
import app.stride.auth.domain.Mfa;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.region.RegionId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountDocumentMapperTest {
  private static final Instant CREATED = Instant.parse("2026-03-01T08:15:30.123456789Z");

  @Test
  void toAccount_ofToDocument_isTheSameAccount() {
    Account full =
        new Account(
            UserId.random(),
            RegionId.of("apac"),
            "ann@example.com",
            true,
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
            Locale.forLanguageTag("es-419"),
            new Mfa("JBSWY3DPEHPK3PXP", null, 58_000_123L, List.of("h1", "h2")),
            List.of(new SocialLink("google", "1098"), new SocialLink("apple", "001.a.2")),
            CREATED.plusSeconds(5),
            CREATED,
            7);

    assertThat(AccountDocumentMapper.toAccount(AccountDocumentMapper.toDocument(full)))
        .isEqualTo(full);
  }

  @Test
  void toFields_leavesUnsetSecretsOut() {
    Account social =
        Account.create(
            UserId.random(),
            RegionId.of("apac"),
            "s@example.com",
            true,
            null,
            Locale.ENGLISH,
            List.of(),
            CREATED);

    Map<String, Object> fields = AccountDocumentMapper.toDocument(social).toFields();

    assertThat(fields).doesNotContainKey("passwordHash");
    assertThat(fields.get("mfa"))
        .isEqualTo(Map.of("lastUsedStep", 0L, "recoveryCodeHashes", List.of()));
    assertThat(fields).containsEntry("locale", "en").containsEntry("home", "apac");
  }
}
