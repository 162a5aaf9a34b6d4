/**
 * What the stacks know about each HTTP capability (profiles, planner, workouts, social, devices),
 * cloud by cloud, as plain records: its deployables' entry points, its DynamoDB key schema, the
 * tables of other capabilities it may read, its event outbox, its Firestore composite indexes, its
 * optional bucket, envelope key and work queue with worker, and the operations of the OpenAPI spec
 * it serves. The generic constructs in {@code aws} and {@code gcp} build every capability from
 * these records, so a capability is one entry in {@link app.stride.infra.capability.Capabilities},
 * not a copy of another's constructs.
 */
package app.stride.infra.capability;
