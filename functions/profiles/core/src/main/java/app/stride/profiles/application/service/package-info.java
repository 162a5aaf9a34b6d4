/**
 * The profile use cases: conditional writes, retries on a lost race, and events through the outbox.
 */
package app.stride.profiles.application.service;
