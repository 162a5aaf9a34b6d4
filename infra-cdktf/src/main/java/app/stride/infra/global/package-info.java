/** The global stack: the login-hash to home-region directory, and nothing personal. */
package app.stride.infra.global;
