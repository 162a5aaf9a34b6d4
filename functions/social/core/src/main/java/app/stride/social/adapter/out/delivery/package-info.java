/**
 * Real-time delivery of chat changes: {@link
 * app.stride.social.adapter.out.delivery.WebSocketFanOut} implements the chat service's {@link
 * app.stride.social.application.port.out.MessageDeliveryPort} over the connection registry and a
 * cloud's {@link app.stride.social.application.port.out.ConnectionPush}.
 */
package app.stride.social.adapter.out.delivery;
