package app.stride.profiles.gcp;

import app.stride.gcp.functions.StrideHttpFunction;
import app.stride.profiles.ProfilesFunctions;

/** The Cloud Functions entry point of {@code /v1/me/profile}. */
public final class ProfilesHttpFunction extends StrideHttpFunction {
  public ProfilesHttpFunction() {
    super(ProfilesGcpApplication.class, ProfilesFunctions.NAME);
  }
}
