package app.stride.local.region;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every region runtime shares.
 *
 * @param root the repository root, where deployables are found
 * @param dataDir where stores keep data across restarts
 * @param hostClassPath the class path of the local hosts (Lambda host, Functions Framework
 *     invoker), without any deployable on it
 * @param tokenEnv the token-verification environment every function gets (issuer, audience, local
 *     JWKS)
 */
public record PlatformContext(
    Path root,
    Path dataDir,
    List<Path> lambdaHostClassPath,
    List<Path> invokerClassPath,
    Map<String, String> tokenEnv) {}
