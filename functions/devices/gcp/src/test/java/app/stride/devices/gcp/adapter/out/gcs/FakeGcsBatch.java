package app.stride.devices.gcp.adapter.out.gcs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock transformer answering Cloud Storage's JSON API batch endpoint ({@code POST
 * /batch/storage/v1}) as Cloud Storage documents it: the {@code multipart/mixed} request is split
 * into its {@code application/http} parts, and each is answered, in order, by an {@code
 * application/http} part carrying {@code Content-ID: <response-ID>} for the request part's {@code
 * Content-ID}: the Java client sends it bare ({@code content-id: 1}), the response part echoes it
 * as {@code <response-1>}, as Cloud Storage does. Each part's status comes from {@link #answer}:
 * 204 empty, any other with Cloud Storage's JSON error body. Nothing is really deleted; the listing
 * stubs model that.
 */
final class FakeGcsBatch implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-gcs-batch";
  private static final String BOUNDARY = "batch_stride_fake_gcs";
  private static final String CRLF = "\r\n";
  private static final Pattern REQUEST_BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern CONTENT_ID =
      Pattern.compile("(?im)^Content-ID:\\s*<?([^<>\\s]+)>?\\s*$");
  private static final Map<Integer, String> REASONS =
      Map.of(
          204, "No Content",
          403, "Forbidden",
          404, "Not Found",
          503, "Service Unavailable");

  /** Set by the test thread, read by WireMock's: replaced whole, never changed. */
  private volatile List<Integer> statuses = List.of();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** The statuses of the next batch's parts, in the parts' order. */
  void answer(Integer... partStatuses) {
    statuses = List.of(partStatuses);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    List<Integer> statuses = this.statuses;
    List<String> contentIds = contentIds(event);
    if (contentIds.size() != statuses.size()) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(400)
          .withBody(contentIds.size() + " parts, " + statuses.size() + " answers prepared")
          .build();
    }
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < contentIds.size(); i++) {
      body.append("--").append(BOUNDARY).append(CRLF);
      body.append("Content-Type: application/http").append(CRLF);
      body.append("Content-ID: <response-").append(contentIds.get(i)).append('>').append(CRLF);
      body.append(CRLF);
      body.append(part(statuses.get(i))).append(CRLF);
    }
    body.append("--").append(BOUNDARY).append("--").append(CRLF);
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "multipart/mixed; boundary=" + BOUNDARY)
        .withBody(body.toString())
        .build();
  }

  /** The Content-IDs of the request's parts, in order. */
  private static List<String> contentIds(ServeEvent event) {
    Matcher boundary = REQUEST_BOUNDARY.matcher(event.getRequest().getHeader("Content-Type"));
    if (!boundary.find()) {
      return List.of();
    }
    String body = event.getRequest().getBodyAsString();
    List<String> ids = new ArrayList<>();
    for (String part : body.split(Pattern.quote("--" + boundary.group(1)))) {
      Matcher id = CONTENT_ID.matcher(part);
      if (id.find()) {
        ids.add(id.group(1));
      }
    }
    return ids;
  }

  private static String part(int status) {
    String statusLine = "HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Error");
    if (status == 204) {
      return statusLine + CRLF + "Content-Length: 0" + CRLF + CRLF;
    }
    String error =
        "{\"error\":{\"code\":"
            + status
            + ",\"message\":\""
            + REASONS.getOrDefault(status, "Error")
            + "\",\"errors\":[{\"domain\":\"global\",\"reason\":\""
            + reason(status)
            + "\",\"message\":\""
            + REASONS.getOrDefault(status, "Error")
            + "\"}]}}";
    return statusLine
        + CRLF
        + "Content-Type: application/json; charset=UTF-8"
        + CRLF
        + "Content-Length: "
        + error.getBytes(StandardCharsets.UTF_8).length
        + CRLF
        + CRLF
        + error;
  }

  private static String reason(int status) {
    return switch (status) {
      case 403 -> "forbidden";
      case 404 -> "notFound";
      case 503 -> "backendError";
      default -> "error";
    };
  }
}
