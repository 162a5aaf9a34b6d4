/**
 * The profile use cases: conditional writes, retries on a lost race, and events through the outbox;
 * erasure of a deleted account's profile ({@code UserDataEraser}).
 */
package app.stride.profiles.application.service;
