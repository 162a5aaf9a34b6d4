/**
 * The social capability's use cases: groups ({@link
 * app.stride.social.application.port.in.ManageGroupsUseCase}), membership and moderation ({@link
 * app.stride.social.application.port.in.GroupMembershipUseCase}) and chat ({@link
 * app.stride.social.application.port.in.GroupChatUseCase}).
 */
package app.stride.social.application.port.in;
