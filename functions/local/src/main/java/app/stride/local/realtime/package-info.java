/**
 * The chat channel locally: a WebSocket gateway standing in for each region's WebSocket endpoint,
 * handing connections to the region's channel as its cloud would (API Gateway events to the
 * realtime Lambda host on AWS, a proxied socket to the chat server on GCP), and API Gateway's
 * management API for the functions' pushes.
 */
package app.stride.local.realtime;
