package app.stride.gcp.functions;

import app.stride.core.http.ApiResponse;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;

/** Encodes the neutral {@link ApiResponse} into a Functions Framework {@link HttpResponse}. */
public final class HttpResponses {
  private HttpResponses() {}

  /** Writes status, headers and body. */
  public static void write(ApiResponse answer, HttpResponse response) throws IOException {
    response.setStatusCode(answer.status());
    answer
        .headers()
        .forEach(
            (name, value) -> {
              if ("Content-Type".equalsIgnoreCase(name)) {
                response.setContentType(value);
              } else {
                response.appendHeader(name, value);
              }
            });
    if (answer.body().length > 0) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(answer.body());
      }
    }
  }
}
