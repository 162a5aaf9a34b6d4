/**
 * What the profile use cases need from the outside: a regional store and an event transport. Each
 * cloud module implements these (DynamoDB, Firestore); the use cases never see an SDK type.
 */
package app.stride.profiles.application.port.out;
