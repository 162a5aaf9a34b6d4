/**
 * The cloud-neutral shapes of the non-HTTP triggers: a queue message (SQS, Pub/Sub) and a schedule
 * tick (EventBridge Scheduler, Cloud Scheduler). Cloud entries decode into these and call the same
 * beans.
 */
package app.stride.core.trigger;
