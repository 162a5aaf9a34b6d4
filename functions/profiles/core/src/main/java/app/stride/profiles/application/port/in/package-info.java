/**
 * The profile use cases, as the inbound adapters see them: {@code ManageMyProfileUseCase} for the
 * HTTP adapter, {@code EraseUserDataUseCase} for the queue adapter consuming account deletions.
 */
package app.stride.profiles.application.port.in;
