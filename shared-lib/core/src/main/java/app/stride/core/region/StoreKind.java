package app.stride.core.region;

/** The document store a region keeps its personal data in. */
public enum StoreKind {
  DYNAMODB,
  FIRESTORE;

  /** The lower-case id used in configuration and in the health report. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
