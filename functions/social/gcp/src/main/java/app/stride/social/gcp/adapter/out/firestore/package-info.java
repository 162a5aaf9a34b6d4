/**
 * The social stores on Firestore: flat collections (see {@code SocialDocuments}), single-document
 * conditional writes through {@link app.stride.gcp.firestore.VersionedDocuments} (create fails on
 * an existing document; replace and delete check the version read and its update time), listings
 * continued with {@code startAfter} from the core's cursor values.
 *
 * <p>Composite indexes infra must declare (the emulator demands none): {@code groups} (public ASC,
 * nameKey ASC, groupId ASC); {@code groupMembers} (groupId ASC, userId ASC) and (userId ASC,
 * groupId ASC); {@code groupJoinRequests} (groupId ASC, userId ASC) and, for the account eraser,
 * (userId ASC, groupId ASC); {@code groupMessages} (groupId ASC, messageId ASC) and (groupId ASC,
 * messageId DESC) and, for the account eraser, (authorId ASC, deleted ASC, groupId ASC, messageId
 * ASC). The eraser's query of a creator's invites ({@code createdBy} in document order) needs no
 * composite index. TTL: {@code groupInvites.expiresAt}.
 */
package app.stride.social.gcp.adapter.out.firestore;
