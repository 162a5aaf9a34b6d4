package app.stride.devices.application.port.out;

import app.stride.devices.domain.Provider;

/** Another user already connected the same provider account. */
public final class ProviderAccountTakenException extends RuntimeException {
  private final Provider provider;

  public ProviderAccountTakenException(Provider provider) {
    super("this " + provider.wire() + " account is connected to another user");
    this.provider = provider;
  }

  public Provider provider() {
    return provider;
  }
}
