package app.stride.edge.ratelimit;

/** What a token bucket is keyed by. */
public enum Dimension {
  /** An authenticated caller, keyed by the access token's {@code sub}. */
  USER("user"),
  /** The client address as the edge saw it ({@code ApiRequest.sourceIp()}). */
  IP("ip");

  private final String id;

  Dimension(String id) {
    this.id = id;
  }

  /** The name used in the config file, policy names and metric tags: {@code user} or {@code ip}. */
  public String id() {
    return id;
  }

  /** The dimension named {@code id} in the config file. */
  static Dimension byId(String id) {
    for (Dimension dimension : values()) {
      if (dimension.id.equals(id)) {
        return dimension;
      }
    }
    throw new IllegalArgumentException("unknown dimension " + id);
  }
}
