/**
 * What the planner use cases need from the outside: the plan library, a regional store of users'
 * plans, and a read-only view of recorded workouts. Each cloud module implements the store and the
 * workout view (DynamoDB, Firestore); the use cases never see an SDK type.
 */
package app.stride.planner.application.port.out;
