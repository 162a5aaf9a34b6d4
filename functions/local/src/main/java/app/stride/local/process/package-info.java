/** Child JVMs that host the functions of one region, as the cloud runtime would. */
package app.stride.local.process;
