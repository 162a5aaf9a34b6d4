/**
 * The WebSocket adapter of social: the chat channel's protocol ({@code docs/chat.md}), its frames
 * ({@link app.stride.social.adapter.in.websocket.Frames}) and its entry ({@link
 * app.stride.social.adapter.in.websocket.WebSocketEndpoint}), called by API Gateway's WebSocket
 * routes on AWS and by the Cloud Run server on GCP.
 */
package app.stride.social.adapter.in.websocket;
