/**
 * Social: groups living in their creator's region, their members (public cards only), join
 * requests, invites, bans, and each group's text chat. {@link app.stride.social.SocialFunctions}
 * wires the HTTP function from the ports; the cloud modules provide the stores.
 */
package app.stride.social;
