package app.stride.devices.application.service;

import app.stride.core.json.Json;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.UserId;
import app.stride.devices.webhook.WebhookJson;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work message of an uploaded file waiting for the worker: {@code {"kind":"import.file",
 * "userId":…, "importId":…}}, nothing of the file. Sent with the import id as idempotency key.
 * Reading is strict: a body that is not exactly such a message reads as empty (and is handled, or
 * dropped, as a provider notification).
 *
 * @param userId the import's owner
 * @param importId the import
 */
public record QueuedImport(UserId userId, ImportId importId) {
  /** The message kind (the queue's {@code kind} attribute and the body's). */
  public static final String KIND = "import.file";

  public QueuedImport {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(importId, "importId");
  }

  /** The message body. */
  public byte[] write() {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", KIND);
    node.put("userId", userId.value());
    node.put("importId", importId.value());
    return Json.toBytes(node);
  }

  /** The import in a message body, or empty when the body is not an import message. */
  public static Optional<QueuedImport> read(byte[] body) {
    Optional<JsonNode> parsed = WebhookJson.parse(body);
    if (parsed.isEmpty() || !parsed.get().isObject() || parsed.get().size() != 3) {
      return Optional.empty();
    }
    JsonNode node = parsed.get();
    if (!WebhookJson.text(node, "kind").filter(KIND::equals).isPresent()) {
      return Optional.empty();
    }
    Optional<ImportId> id = WebhookJson.id(node, "importId").flatMap(ImportId::parse);
    Optional<String> user = WebhookJson.id(node, "userId");
    try {
      return id.isPresent() && user.isPresent()
          ? Optional.of(new QueuedImport(new UserId(user.get()), id.get()))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
