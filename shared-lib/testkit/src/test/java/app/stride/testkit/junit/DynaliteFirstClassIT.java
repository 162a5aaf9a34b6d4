package app.stride.testkit.junit;

/** First of two classes proving dynalite is fresh per class. */
class DynaliteFirstClassIT extends DynaliteContract {}
