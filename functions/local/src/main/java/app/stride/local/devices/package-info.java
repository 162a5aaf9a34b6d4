/**
 * The devices capability's local parts: an S3-protocol server for the AWS regions' buckets and the
 * providers' webhook secrets of this data folder.
 */
package app.stride.local.devices;
