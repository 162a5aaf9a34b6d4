/**
 * The local mail server (GreenMail, in the platform's JVM) and the inbox view of what it received,
 * served at {@code GET /dev/mail}.
 */
package app.stride.local.mail;
