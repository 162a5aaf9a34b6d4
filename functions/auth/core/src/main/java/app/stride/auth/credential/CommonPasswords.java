package app.stride.auth.credential;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The common-password list bundled with zxcvbn4j (30,000 entries from leaked password corpora),
 * lower-cased, loaded once on first use.
 */
final class CommonPasswords {

  private CommonPasswords() {}

  /** The lower-cased list; loaded lazily and cached for the life of the JVM. */
  static Set<String> zxcvbn() {
    return Holder.PASSWORDS;
  }

  private static final class Holder {
    private static final Set<String> PASSWORDS = load();

    private static Set<String> load() {
      try {
        return StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary().keySet().stream()
            .map(entry -> entry.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
      } catch (IOException e) {
        throw new UncheckedIOException("zxcvbn password dictionary cannot be read", e);
      }
    }
  }
}
