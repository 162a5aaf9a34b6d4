package app.stride.testkit.junit;

/** First of two classes proving ElasticMQ is fresh per class. */
class ElasticMqFirstClassIT extends ElasticMqContract {}
