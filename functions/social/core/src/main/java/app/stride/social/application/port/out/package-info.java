/**
 * The social capability's outbound ports: one store port per aggregate (groups, the roster of
 * memberships, join requests and bans, invites, messages), each a set of single-item reads and
 * conditional writes both clouds implement alike, and {@link
 * app.stride.social.application.port.out.MessageDeliveryPort} towards the real-time channel.
 */
package app.stride.social.application.port.out;
