package app.stride.testkit.junit;

/** First of two classes sharing the JVM's Firestore emulator. */
class FirestoreFirstClassIT extends FirestoreContract {}
