package app.stride.infra.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The URI path prefixes that cover every auth route ({@link AuthRoutes#allRoutes()}): what the WAF
 * rules (and Cloud Armor's throttle) scope their stricter limits to. Derived, so a new auth route
 * is covered without touching the edge.
 */
public final class AuthPaths {

  /** Every route under this prefix is an auth route. */
  public static final String AUTH_PREFIX = "/v1/auth/";

  private AuthPaths() {}

  /** The shortest set of prefixes matching every auth route's path, sorted. */
  public static List<String> prefixes() {
    TreeSet<String> candidates = new TreeSet<>();
    for (String routeKey : AuthRoutes.allRoutes()) {
      String path = routeKey.substring(routeKey.indexOf(' ') + 1);
      int template = path.indexOf('{');
      String prefix = template < 0 ? path : path.substring(0, template);
      candidates.add(prefix.startsWith(AUTH_PREFIX) ? AUTH_PREFIX : prefix);
    }
    List<String> minimal = new ArrayList<>();
    for (String prefix : candidates) {
      if (minimal.stream().noneMatch(prefix::startsWith)) {
        minimal.add(prefix);
      }
    }
    return minimal;
  }
}
