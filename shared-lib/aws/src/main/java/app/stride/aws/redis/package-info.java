/** Signing in to the region's ElastiCache with the function's IAM role instead of a password. */
package app.stride.aws.redis;
