package app.stride.edge.ratelimit;

import app.stride.core.openapi.Operation;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Turns the tree of {@code rate-limits.yaml} into a {@link RateLimitConfig}, refusing anything odd.
 */
final class RateLimitConfigParser {

  private static final String FILE = "rate-limits.yaml: ";
  private static final Pattern PERIOD = Pattern.compile("([1-9][0-9]{0,5})([smh])");

  private RateLimitConfigParser() {}

  static RateLimitConfig parse(JsonNode root, Collection<Operation> operations) {
    object(root, "the document");
    allowOnly(root, "the document", Set.of("version", "classes", "operations"));
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber() || version.asInt() != 1) {
      throw fail("version must be 1");
    }
    Map<String, RouteClass> classes = classes(required(root, "classes", "the document"));
    Map<String, String> overrides = overrides(root.get("operations"), classes, operations);
    return new RateLimitConfig(classes, RateLimitConfig.resolve(operations, overrides));
  }

  private static Map<String, RouteClass> classes(JsonNode node) {
    object(node, "classes");
    Map<String, RouteClass> classes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String name = entry.getKey();
      String where = "classes." + name;
      object(entry.getValue(), where);
      allowOnly(entry.getValue(), where, Set.of("user", "ip"));
      Map<Dimension, BucketSpec> buckets = new EnumMap<>(Dimension.class);
      for (Map.Entry<String, JsonNode> bucket : entry.getValue().properties()) {
        buckets.put(
            Dimension.byId(bucket.getKey()),
            bucket(bucket.getValue(), where + "." + bucket.getKey()));
      }
      try {
        classes.put(name, new RouteClass(name, buckets));
      } catch (IllegalArgumentException e) {
        throw fail(where + ": " + e.getMessage());
      }
    }
    Set<String> missing = new TreeSet<>(RateLimitConfig.REQUIRED_CLASSES);
    missing.removeAll(classes.keySet());
    if (!missing.isEmpty()) {
      throw fail("classes must define " + missing + " (the defaults name them)");
    }
    return classes;
  }

  private static BucketSpec bucket(JsonNode node, String where) {
    object(node, where);
    allowOnly(node, where, Set.of("capacity", "refill", "period"));
    int capacity = tokens(required(node, "capacity", where), where + ".capacity");
    int refill = tokens(required(node, "refill", where), where + ".refill");
    Duration period = period(required(node, "period", where), where + ".period");
    return new BucketSpec(capacity, refill, period);
  }

  private static int tokens(JsonNode node, String where) {
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.asInt() < 1
        || node.asInt() > BucketSpec.MAX_TOKENS) {
      throw fail(
          where + " must be a whole number from 1 to " + BucketSpec.MAX_TOKENS + ", was " + node);
    }
    return node.asInt();
  }

  private static Duration period(JsonNode node, String where) {
    Matcher m = node.isString() ? PERIOD.matcher(node.asString()) : null;
    if (m == null || !m.matches()) {
      throw fail(where + " must be <n>s, <n>m or <n>h (e.g. 60s), was " + node);
    }
    long n = Long.parseLong(m.group(1));
    Duration period =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (period.compareTo(Duration.ofDays(1)) > 0) {
      throw fail(where + " must be at most one day, was " + node);
    }
    return period;
  }

  private static Map<String, String> overrides(
      JsonNode node, Map<String, RouteClass> classes, Collection<Operation> operations) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return overrides;
    }
    object(node, "operations");
    Set<String> known = operations.stream().map(Operation::operationId).collect(Collectors.toSet());
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String operationId = entry.getKey();
      if (!known.contains(operationId)) {
        throw fail(
            "operations." + operationId + ": no operation has this operationId in the specs");
      }
      JsonNode value = entry.getValue();
      if (!value.isString() || !classes.containsKey(value.asString())) {
        throw fail(
            "operations."
                + operationId
                + " names an unknown class "
                + value
                + "; known: "
                + new TreeSet<>(classes.keySet()));
      }
      overrides.put(operationId, value.asString());
    }
    return overrides;
  }

  private static JsonNode required(JsonNode node, String member, String where) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      throw fail(where + " must have " + member);
    }
    return value;
  }

  private static void object(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw fail(where + " must be a mapping");
    }
  }

  private static void allowOnly(JsonNode node, String where, Set<String> allowed) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!allowed.contains(entry.getKey())) {
        throw fail(
            where
                + " has an unknown member "
                + entry.getKey()
                + "; allowed: "
                + new TreeSet<>(allowed));
      }
    }
  }

  private static IllegalArgumentException fail(String message) {
    return new IllegalArgumentException(FILE + message);
  }
}
