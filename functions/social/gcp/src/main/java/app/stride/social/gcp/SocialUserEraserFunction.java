package app.stride.social.gcp;

import app.stride.gcp.functions.StridePubSubPushFunction;

/**
 * The Cloud Functions entry point of the social data eraser: a push subscription of the region's
 * {@code profile-events} topic, filtered on the {@code ce-type} attribute {@code
 * app.stride.user.v1.deleted}, posts each account deletion to it as a plain Pub/Sub push body, and
 * it hands the message to {@value SocialGcpApplication#USER_ERASER_MESSAGE}, the single-message
 * face of core's {@code socialUserEraser} bean. A message that cannot be read or erased fails the
 * call with 500, so Pub/Sub redelivers it after its backoff and finally dead-letters it.
 */
public final class SocialUserEraserFunction extends StridePubSubPushFunction {
  public SocialUserEraserFunction() {
    super(SocialGcpApplication.class, SocialGcpApplication.USER_ERASER_MESSAGE);
  }
}
