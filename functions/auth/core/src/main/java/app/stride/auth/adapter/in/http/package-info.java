/** The HTTP entry of the auth capability: the spec's {@code auth} operations. */
package app.stride.auth.adapter.in.http;
