/**
 * Test fixtures shipped in the test jar: in-memory stores, test data, and the store contract every
 * cloud adapter's IT runs.
 */
package app.stride.social.testing;
