/**
 * Devices: connections to device providers, verified webhooks, file and app imports, and the one
 * normalised activity every source becomes, kept in its owner's home region.
 */
package app.stride.devices;
