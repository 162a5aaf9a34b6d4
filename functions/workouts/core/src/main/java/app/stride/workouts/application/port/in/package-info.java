/**
 * The workout use cases as the inbound adapters see them: {@code ManageMyWorkoutsUseCase} for the
 * HTTP adapter, and its {@code Precondition}.
 */
package app.stride.workouts.application.port.in;
