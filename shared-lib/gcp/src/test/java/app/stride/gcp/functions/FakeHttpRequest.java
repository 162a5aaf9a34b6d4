package app.stride.gcp.functions;

import com.google.cloud.functions.HttpRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link HttpRequest} for unit tests of the request mapping. */
final class FakeHttpRequest implements HttpRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];
  private long declaredLength = -1;

  FakeHttpRequest(String method, String path) {
    this.method = method;
    this.path = path;
  }

  FakeHttpRequest query(String name, String... values) {
    query.put(name, List.of(values));
    return this;
  }

  FakeHttpRequest header(String name, String... values) {
    headers.put(name, List.of(values));
    return this;
  }

  FakeHttpRequest body(byte[] body) {
    this.body = body;
    return this;
  }

  FakeHttpRequest body(String body) {
    return body(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A Content-Length the client declared, possibly not the body's real length. */
  FakeHttpRequest declaredLength(long length) {
    this.declaredLength = length;
    return this;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getUri() {
    return "http://localhost" + path;
  }

  @Override
  public String getPath() {
    return path;
  }

  @Override
  public Optional<String> getQuery() {
    return Optional.empty();
  }

  @Override
  public Map<String, List<String>> getQueryParameters() {
    return query;
  }

  @Override
  public Map<String, HttpPart> getParts() {
    return Map.of();
  }

  @Override
  public Optional<String> getContentType() {
    return getFirstHeader("Content-Type");
  }

  @Override
  public long getContentLength() {
    return declaredLength;
  }

  @Override
  public Optional<String> getCharacterEncoding() {
    return Optional.empty();
  }

  @Override
  public InputStream getInputStream() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return headers;
  }
}
