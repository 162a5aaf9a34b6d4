package app.stride.testkit.junit;

/** Second of two classes proving GreenMail is fresh per class. */
class GreenMailSecondClassIT extends GreenMailContract {}
