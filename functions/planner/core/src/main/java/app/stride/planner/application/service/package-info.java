/**
 * The planner use cases: the library, users' plans (conditional writes with retries on a lost
 * race), session changes with workout links, and the dated schedule.
 */
package app.stride.planner.application.service;
