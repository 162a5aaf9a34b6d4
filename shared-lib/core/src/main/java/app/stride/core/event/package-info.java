/**
 * The outbound event port: capabilities publish CloudEvents through it, each cloud brings an
 * adapter.
 */
package app.stride.core.event;
