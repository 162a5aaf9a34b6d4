/**
 * The workout use cases: plausibility and overlap checks, idempotent recording, conditional writes
 * with retries on a lost race, events through the per-item outbox ({@code OutboxRelay}), and the
 * erasure of a deleted user's workouts ({@code UserDataEraser}).
 */
package app.stride.workouts.application.service;
