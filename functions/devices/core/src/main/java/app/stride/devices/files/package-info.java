/**
 * File import: FIT, GPX, TCX and zip uploads become {@code ActivityData} through {@code
 * ActivityFiles}, bounded by {@code ImportLimits} and failing with the stable codes of {@code
 * FailureCode}. Format parsers live in the {@code fit}, {@code xml} and {@code zip} subpackages;
 * docs/devices-files.md describes formats, limits, codes and rules.
 */
package app.stride.devices.files;
