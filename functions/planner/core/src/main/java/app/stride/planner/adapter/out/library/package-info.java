/**
 * The plan library adapter: reads the versioned JSON templates shipped under {@code planner/plans/}
 * (listed in {@code index.json}) once, and serves them from memory.
 */
package app.stride.planner.adapter.out.library;
