/**
 * The global directory on DynamoDB: the table of the global stack, keyed hashes to home regions.
 */
package app.stride.aws.directory;
