package app.stride.testkit.junit;

/** Second of two classes proving dynalite is fresh per class. */
class DynaliteSecondClassIT extends DynaliteContract {}
