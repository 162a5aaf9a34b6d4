/**
 * Entry point of the CDK for Terraform app: {@link app.stride.infra.Main} reads the typed config
 * and {@link app.stride.infra.StrideStacks} instantiates one stack per region plus {@code global}.
 */
package app.stride.infra;
