package app.stride.profiles.gcp;

import app.stride.gcp.functions.StridePubSubPushFunction;

/**
 * The Cloud Functions entry point of the data eraser: the eraser's push subscription of the
 * region's {@code profile-events} topic, filtered on the {@code ce-type} attribute {@code
 * app.stride.user.v1.deleted} (infra's {@code SubscriberFunction}), posts each account deletion to
 * it as a plain Pub/Sub push body, and it hands the message to {@value
 * ProfilesGcpApplication#USER_ERASER_MESSAGE}, the single-message face of the same {@code
 * profilesUserEraser} bean the AWS deployable serves. A push rather than an Eventarc trigger,
 * because only a subscription of our own can filter on an attribute and dead-letter (the filter
 * also keeps the {@code app.stride.profile.v1.updated} the eraser itself publishes on that topic
 * away from it). A message that cannot be read or erased fails the call with 500, so Pub/Sub
 * redelivers it after its backoff and finally dead-letters it.
 */
public final class ProfilesUserEraserFunction extends StridePubSubPushFunction {
  public ProfilesUserEraserFunction() {
    super(ProfilesGcpApplication.class, ProfilesGcpApplication.USER_ERASER_MESSAGE);
  }
}
