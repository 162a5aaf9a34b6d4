/**
 * Typed infrastructure configuration: one {@link app.stride.infra.config.RegionConfig} per home
 * region, read from {@code stride-infra.json}. Stacks receive these records and derive every name
 * from them; nothing else in the module knows which regions exist.
 */
package app.stride.infra.config;
