/**
 * The chat channel on Google Cloud: {@link app.stride.social.gcp.realtime.ChatServer}, the Cloud
 * Run server speaking the shared protocol ({@code WebSocketEndpoint}) over Java-WebSocket with the
 * Firestore registry, and the internal push ({@link app.stride.social.gcp.realtime.InternalPush})
 * through which the social HTTP function, another process, hands it frames for its sockets ({@link
 * app.stride.social.gcp.realtime.ChatServerPush}).
 */
package app.stride.social.gcp.realtime;
