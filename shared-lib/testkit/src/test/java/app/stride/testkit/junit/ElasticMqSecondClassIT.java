package app.stride.testkit.junit;

/** Second of two classes proving ElasticMQ is fresh per class. */
class ElasticMqSecondClassIT extends ElasticMqContract {}
