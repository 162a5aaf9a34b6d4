/**
 * JUnit 5 extensions that give each test class a real server in a clean state: per-class servers
 * (dynalite, ElasticMQ, GreenMail), or one server per JVM kept in the root extension store and
 * reset before each class (Firestore: delete all documents; Redis: FLUSHALL) or isolated by unique
 * names (Pub/Sub, Kafka).
 *
 * <p>A server that cannot run here fails the class with what to install, unless the build declared
 * the Google emulators absent ({@link app.stride.testkit.junit.AbsentSwitch}); then the class is
 * aborted, a banner goes to stderr and the suite is appended to {@code target/NOT-RUN.txt}.
 */
package app.stride.testkit.junit;
