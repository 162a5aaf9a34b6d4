/**
 * The activity model: what every source (a provider's push, a FIT/GPX/TCX file, an app upload)
 * becomes ({@code ActivityData}), the stored {@code Activity} with its sources, import jobs, and
 * the deduplication rule. Plain Java, no framework or SDK imports.
 */
package app.stride.devices.domain;
