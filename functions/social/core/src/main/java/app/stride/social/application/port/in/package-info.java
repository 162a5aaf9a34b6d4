/**
 * The social capability's use cases: groups ({@link
 * app.stride.social.application.port.in.ManageGroupsUseCase}), membership and moderation ({@link
 * app.stride.social.application.port.in.GroupMembershipUseCase}), chat ({@link
 * app.stride.social.application.port.in.GroupChatUseCase}), the chat channel ({@link
 * app.stride.social.application.port.in.RealtimeUseCase}) and the erasure of a deleted account
 * ({@link app.stride.social.application.port.in.EraseUserDataUseCase}).
 */
package app.stride.social.application.port.in;
