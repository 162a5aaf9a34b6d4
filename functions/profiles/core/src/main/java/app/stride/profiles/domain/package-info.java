/** The profile model: plain Java, no framework or SDK imports (an ArchUnit test keeps it so). */
package app.stride.profiles.domain;
