/** Time under a test's control. */
package app.stride.testkit.time;
