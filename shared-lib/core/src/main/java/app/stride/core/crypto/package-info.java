/**
 * The native cryptography provider for the hot paths: Amazon Corretto Crypto Provider when its
 * library loads on this machine, nothing (the JDK's providers) otherwise.
 */
package app.stride.core.crypto;
