/**
 * The global directory as a small HTTP service, so that every region, on either cloud, reaches the
 * ONE directory store without carrying the other cloud's SDK.
 *
 * <ul>
 *   <li>{@link app.stride.core.directory.http.DirectoryApi}: the server side, a cloud-neutral HTTP
 *       function over any {@link app.stride.core.directory.DirectoryPort} (deployed in the global
 *       stack over the DynamoDB table);
 *   <li>{@link app.stride.core.directory.http.HttpDirectory}: the client side, a {@code
 *       DirectoryPort} that regional functions use ({@code STRIDE_DIRECTORY_URL});
 *   <li>{@link app.stride.core.directory.http.DirectoryRequestSigner}: the HMAC-SHA256 request
 *       signature both sides share ({@code STRIDE_DIRECTORY_API_SECRET}); every request is signed,
 *       so the endpoint may be public.
 * </ul>
 *
 * Plain {@code java.net.http} and JDK crypto: no dependency beyond the kernel's own. Keys and the
 * secret are never logged.
 */
package app.stride.core.directory.http;
