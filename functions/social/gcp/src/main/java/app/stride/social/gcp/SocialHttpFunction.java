package app.stride.social.gcp;

import app.stride.gcp.functions.StrideHttpFunction;
import app.stride.social.SocialFunctions;

/** The Cloud Functions entry point of the groups and chat routes. */
public final class SocialHttpFunction extends StrideHttpFunction {
  public SocialHttpFunction() {
    super(SocialGcpApplication.class, SocialFunctions.NAME);
  }
}
