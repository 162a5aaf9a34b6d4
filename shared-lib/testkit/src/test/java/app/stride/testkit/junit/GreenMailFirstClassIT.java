package app.stride.testkit.junit;

/** First of two classes proving GreenMail is fresh per class. */
class GreenMailFirstClassIT extends GreenMailContract {}
