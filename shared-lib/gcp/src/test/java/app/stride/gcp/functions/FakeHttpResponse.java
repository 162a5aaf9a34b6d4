package app.stride.gcp.functions;

import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link HttpResponse} for unit tests of the response encoding. */
final class FakeHttpResponse implements HttpResponse {
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = 200;
  private String contentType;

  @Override
  public void setStatusCode(int code) {
    status = code;
  }

  @Override
  public void setStatusCode(int code, String message) {
    status = code;
  }

  @Override
  public void setContentType(String contentType) {
    this.contentType = contentType;
  }

  @Override
  public Optional<String> getContentType() {
    return Optional.ofNullable(contentType);
  }

  @Override
  public void appendHeader(String key, String value) {
    headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  @Override
  public ByteArrayOutputStream getOutputStream() {
    return body;
  }

  @Override
  public BufferedWriter getWriter() {
    return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
  }

  int status() {
    return status;
  }

  String bodyText() {
    return body.toString(StandardCharsets.UTF_8);
  }
}
