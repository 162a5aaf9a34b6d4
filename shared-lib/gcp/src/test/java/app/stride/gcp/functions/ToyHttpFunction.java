package app.stride.gcp.functions;

/** The toy capability's HTTP entry, with a small body limit so the cap is easy to test. */
public final class ToyHttpFunction extends StrideHttpFunction {
  /** The toy's body limit. */
  public static final int MAX_BODY = 64;

  public ToyHttpFunction() {
    super(ToyApplication.class, "echo", MAX_BODY);
  }
}
