package app.stride.local.region;

import java.nio.file.Path;
import java.util.List;

/**
 * What every region runtime shares.
 *
 * @param root the repository root, where deployables are found
 * @param dataDir where stores keep data across restarts
 * @param lambdaHostClassPath what the Lambda host adds to a deployable jar: only {@code LambdaHost}
 *     itself, as the Lambda runtime adds only its runtime client
 * @param invokerClassPath the Functions Framework invoker (one self-contained jar), which loads the
 *     deployable from its own {@code --classpath}, as Cloud Functions does
 * @param functionEnv the environment of each function host: token verification for all, and per
 *     capability what it needs on top
 */
public record PlatformContext(
    Path root,
    Path dataDir,
    List<Path> lambdaHostClassPath,
    List<Path> invokerClassPath,
    FunctionEnvironment functionEnv) {}
