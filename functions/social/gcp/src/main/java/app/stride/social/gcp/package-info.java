/** The social capability's Cloud Functions deployable: configuration, wiring, the HTTP entry. */
package app.stride.social.gcp;
