/**
 * The social capability's Cloud Functions deployable: configuration, wiring, and the entry points
 * {@link app.stride.social.gcp.SocialHttpFunction} (HTTP) and {@link
 * app.stride.social.gcp.SocialUserEraserFunction} (pushed account deletions).
 */
package app.stride.social.gcp;
