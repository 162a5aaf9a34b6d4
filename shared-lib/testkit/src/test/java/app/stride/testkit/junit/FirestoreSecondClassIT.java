package app.stride.testkit.junit;

/** Second of two classes sharing the JVM's Firestore emulator. */
class FirestoreSecondClassIT extends FirestoreContract {}
