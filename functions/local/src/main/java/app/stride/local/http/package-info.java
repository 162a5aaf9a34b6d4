/** The JDK HTTP server's exchanges as Stride's {@code ApiRequest} and {@code ApiResponse}. */
package app.stride.local.http;
