/**
 * JMH benchmarks of the auth capability's hot paths, each measured beside a baseline in the same
 * run so that results are read as ratios: {@link app.stride.bench.auth.PasswordLoginBenchmark}
 * (Argon2id verify per login) and {@link app.stride.bench.auth.TokenVerificationBenchmark}
 * (access-token verification by the shared verifier). {@link app.stride.bench.auth.AuthBenchReport}
 * runs both and prints the {@code RESULT} lines of {@code bench/auth/run}. Depends on the auth
 * module and the shared kernel only; nothing here is used by a function.
 */
package app.stride.bench.auth;
