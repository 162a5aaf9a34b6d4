/**
 * Plays the Lambda runtime in a fresh JVM: constructs one handler, feeds it one event, prints the
 * response and the instants it reached. Depends only on {@code aws-lambda-java-core} and {@code
 * aws-lambda-java-serialization}, which every Lambda deployable carries, so the same harness runs
 * on both sides of the comparison.
 */
package app.stride.bench.coldstart.harness;
