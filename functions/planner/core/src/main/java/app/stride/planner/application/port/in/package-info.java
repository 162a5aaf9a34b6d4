/**
 * The planner's use cases as the adapters call them: browse the plan library, manage one's plans
 * and their sessions, read one's dated schedule. Commands validate themselves.
 */
package app.stride.planner.application.port.in;
