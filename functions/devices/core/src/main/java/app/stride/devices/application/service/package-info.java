/**
 * The devices use cases: importing files and app uploads into normalised activities (with their raw
 * originals kept), merging one workout recorded by two sources, and reading activities back.
 */
package app.stride.devices.application.service;
