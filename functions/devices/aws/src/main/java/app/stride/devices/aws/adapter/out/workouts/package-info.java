/**
 * The history's read-only view of the workouts capability's table (its key schema and history
 * index), for the workouts users recorded by hand. Nothing here writes to that table.
 */
package app.stride.devices.aws.adapter.out.workouts;
