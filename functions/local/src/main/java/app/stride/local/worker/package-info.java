/**
 * The regions' queue workers fed as the cloud feeds them: an AWS region's work queue (with its
 * dead-letter queue) on the shared ElasticMQ is long-polled and each batch handed to the worker's
 * Lambda host as the SQS event Lambda's event source builds ({@link
 * app.stride.local.worker.SqsEventSource}); a GCP region's work topic is pulled from the Pub/Sub
 * emulator and each message posted to the worker function as the topic's push subscription posts it
 * ({@link app.stride.local.worker.PubSubEventSource}). Both stop with their region and never log a
 * message body.
 */
package app.stride.local.worker;
