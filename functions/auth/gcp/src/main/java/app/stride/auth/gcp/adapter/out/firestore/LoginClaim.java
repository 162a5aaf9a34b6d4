package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A login identifier an account holds: {@code email:<canonical>} or {@code
 * social:<provider>:<subject>}. Its document id is the key, encoded by {@link DocumentIds}.
 *
 * @param key the identifier with its kind prefix
 */
public record LoginClaim(String key) {
  public LoginClaim {
    Objects.requireNonNull(key, "key");
  }

  /** The claim of a canonical email. */
  public static LoginClaim email(String canonical) {
    return new LoginClaim("email:" + canonical);
  }

  /** The claim of a linked identity. */
  public static LoginClaim social(SocialLink link) {
    return new LoginClaim("social:" + link.provider() + ":" + link.subject());
  }

  /** Every claim {@code account} holds: its email, then each social link. */
  public static List<LoginClaim> of(Account account) {
    List<LoginClaim> claims = new ArrayList<>();
    claims.add(email(account.email()));
    account.socialLinks().forEach(link -> claims.add(social(link)));
    return claims;
  }

  /** Whether {@code account} holds this claim. */
  public boolean heldBy(Account account) {
    return of(account).contains(this);
  }

  /** The id of the claim's document. */
  public String documentId() {
    return DocumentIds.encode(key);
  }
}
