/**
 * Redis plumbing shared by the rate limiter and the auth throttle: one lazily opened connection
 * that is reopened after a failure, and Lua scripts run by their digest.
 */
package app.stride.edge.redis;
