/**
 * Zip uploads, streamed and bounded: Apple Health exports and bundles of FIT/GPX/TCX files ({@code
 * ArchiveParser}), every entry read through {@code EntryStream}'s size and ratio bounds.
 */
package app.stride.devices.files.zip;
