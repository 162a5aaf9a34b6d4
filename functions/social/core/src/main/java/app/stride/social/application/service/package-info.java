/**
 * The social use cases over the store ports. Invariants are kept with single-item conditional
 * writes only (no transactions): the owner is a field of the group item, member counts move by
 * versioned writes of it (seat first on joining, membership first on leaving, so a crash leaves the
 * count high, never low), sends are idempotent by a claimed {@code clientMessageId}, invite uses by
 * versioned writes of the invite. Residency for group data is the group's region: callers homed
 * anywhere are served, and an id of another region is answered {@code 421 wrong-region}.
 */
package app.stride.social.application.service;
