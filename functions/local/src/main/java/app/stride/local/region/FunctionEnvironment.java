package app.stride.local.region;

import app.stride.core.region.Region;
import java.util.Map;

/**
 * The environment a function host starts with, beyond what its region runtime sets itself (store
 * endpoints, queue or topic, region id): token verification for every function, and what a
 * capability needs on top (the auth functions' directory, mail server, signing key).
 */
@FunctionalInterface
public interface FunctionEnvironment {
  /** The variables for {@code deployable}'s host in {@code region}. */
  Map<String, String> of(Region region, Deployable deployable);
}
