package app.stride.auth.gcp;

import app.stride.auth.AuthFunctions;
import app.stride.gcp.functions.StrideHttpFunction;

/** The Cloud Functions entry point of the auth routes. */
public final class AuthHttpFunction extends StrideHttpFunction {
  public AuthHttpFunction() {
    super(AuthGcpApplication.class, AuthFunctions.NAME);
  }
}
