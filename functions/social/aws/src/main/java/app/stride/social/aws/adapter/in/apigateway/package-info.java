/**
 * The chat channel's way in on AWS: API Gateway WebSocket API events ({@code $connect}, {@code
 * $disconnect}, {@code $default}) mapped to the neutral {@link
 * app.stride.social.adapter.in.websocket.WebSocketEndpoint}.
 */
package app.stride.social.aws.adapter.in.apigateway;
