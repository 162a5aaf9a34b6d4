/** The social capability's Lambda deployable: configuration and Spring wiring. */
package app.stride.social.aws;
