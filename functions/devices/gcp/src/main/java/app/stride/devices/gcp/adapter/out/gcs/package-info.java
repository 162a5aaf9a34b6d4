/**
 * The Cloud Storage adapter of devices: {@link
 * app.stride.devices.gcp.adapter.out.gcs.GcsObjectStore} keeps raw originals and sample streams in
 * the region's bucket (CMEK by the bucket's default key), configured by {@link
 * app.stride.devices.gcp.adapter.out.gcs.GcsSettings}.
 */
package app.stride.devices.gcp.adapter.out.gcs;
