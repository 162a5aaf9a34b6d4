/**
 * The workout use cases as the inbound adapters see them: {@code ManageMyWorkoutsUseCase} and its
 * {@code Precondition} for the HTTP adapter, {@code EraseUserDataUseCase} for the consumer of
 * {@code app.stride.user.v1.deleted}.
 */
package app.stride.workouts.application.port.in;
