/**
 * The workout use cases: plausibility and overlap checks, idempotent recording, conditional writes
 * with retries on a lost race, and events through the per-item outbox ({@code OutboxRelay}).
 */
package app.stride.workouts.application.service;
