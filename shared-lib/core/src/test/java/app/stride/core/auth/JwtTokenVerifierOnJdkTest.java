package app.stride.core.auth;

import java.security.Provider;
import java.util.Optional;

/**
 * Every case of {@link JwtTokenVerifierTest} with signatures on the JDK's providers: what a
 * function runs on where the native library does not load.
 */
class JwtTokenVerifierOnJdkTest extends JwtTokenVerifierTest {
  @Override
  Optional<Provider> signatureProvider() {
    return Optional.empty();
  }
}
