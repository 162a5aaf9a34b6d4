package app.stride.auth.credential;

import java.text.Normalizer;

/**
 * The one normalization applied to passwords before they are checked or hashed: Unicode NFKC, as
 * NIST 800-63B recommends, so that the same password typed on different keyboards (composed or
 * decomposed accents, full-width digits) hashes the same.
 */
final class PasswordText {

  private PasswordText() {}

  static String normalize(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }
}
