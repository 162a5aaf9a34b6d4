package app.stride.aws.metrics;

import app.stride.core.json.Json;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds CloudWatch Embedded Metric Format documents: a root object whose {@code _aws} member holds
 * {@code Timestamp} (epoch milliseconds) and one {@code CloudWatchMetrics} directive ({@code
 * Namespace}, {@code Dimensions}: one dimension set of the tag keys, {@code Metrics}: name and
 * unit), with every dimension (string) and metric (number) as a member of the root. At most {@value
 * #MAX_METRICS} metrics go in one document, more are split; at most {@value #MAX_DIMENSIONS} tags
 * become dimensions. Non-finite values are dropped (JSON has no NaN).
 */
final class EmfDocuments {
  static final int MAX_METRICS = 100;
  static final int MAX_DIMENSIONS = 30;

  /** One metric value of a document. */
  record Value(String name, String unit, double value) {}

  private EmfDocuments() {}

  static Value value(String name, String unit, double value) {
    return new Value(name, unit, value);
  }

  /** The documents for one set of tags, each one line of JSON. */
  static List<String> write(String namespace, long timestamp, List<Tag> tags, List<Value> values) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (Tag tag : tags) {
      if (!tag.getKey().equals("_aws") && dimensions.size() < MAX_DIMENSIONS) {
        dimensions.put(tag.getKey(), dimensionValue(tag.getValue()));
      }
    }
    List<Value> finite =
        values.stream()
            .filter(v -> Double.isFinite(v.value()) && !dimensions.containsKey(v.name()))
            .toList();
    List<String> documents = new ArrayList<>();
    for (int from = 0; from < finite.size(); from += MAX_METRICS) {
      List<Value> chunk = finite.subList(from, Math.min(finite.size(), from + MAX_METRICS));
      documents.add(document(namespace, timestamp, dimensions, chunk));
    }
    return documents;
  }

  private static String document(
      String namespace, long timestamp, Map<String, String> dimensions, List<Value> values) {
    List<Map<String, String>> definitions = new ArrayList<>();
    for (Value value : values) {
      definitions.add(Map.of("Name", value.name(), "Unit", value.unit()));
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", namespace);
    directive.put("Dimensions", List.of(List.copyOf(dimensions.keySet())));
    directive.put("Metrics", definitions);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("_aws", Map.of("Timestamp", timestamp, "CloudWatchMetrics", List.of(directive)));
    root.putAll(dimensions);
    for (Value value : values) {
      root.put(value.name(), value.value());
    }
    return Json.mapper().writeValueAsString(root);
  }

  /** CloudWatch wants non-blank ASCII dimension values. */
  private static String dimensionValue(String value) {
    String ascii = value.replaceAll("[^\\x20-\\x7E]", "_");
    return ascii.isBlank() ? "none" : ascii;
  }

  /** The CloudWatch unit of a Micrometer base unit; {@code None} when unknown. */
  static String unit(String baseUnit) {
    if (baseUnit == null) {
      return "None";
    }
    return switch (baseUnit.toLowerCase(Locale.ROOT)) {
      case "milliseconds" -> "Milliseconds";
      case "seconds" -> "Seconds";
      case "microseconds" -> "Microseconds";
      case "bytes" -> "Bytes";
      case "percent" -> "Percent";
      default -> "None";
    };
  }
}
