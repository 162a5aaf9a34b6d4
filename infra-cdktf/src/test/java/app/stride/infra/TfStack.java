package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One synthesized stack: the Terraform JSON as text (for {@code Testing.toHave...}) and as a tree.
 *
 * @param name the stack's name
 * @param json the synthesized Terraform JSON
 * @param root the parsed tree
 */
public record TfStack(String name, String json, JsonNode root) {

  /** Parses {@code json}. */
  public static TfStack parse(String name, String json) {
    return new TfStack(name, json, JsonMapper.shared().readTree(json));
  }

  /** Resources of one type by logical id. */
  public Map<String, JsonNode> resources(String type) {
    return entries(root.path("resource").path(type));
  }

  /** Data sources of one type by logical id. */
  public Map<String, JsonNode> dataSources(String type) {
    return entries(root.path("data").path(type));
  }

  /** Resource types present in the stack. */
  public List<String> resourceTypes() {
    return new ArrayList<>(root.path("resource").propertyNames());
  }

  /** The single resource of {@code type}; fails if there is not exactly one. */
  public JsonNode only(String type) {
    Map<String, JsonNode> all = resources(type);
    assertThat(all).as("%s resources in %s", type, name).hasSize(1);
    return all.values().iterator().next();
  }

  /** The single resource of {@code type} whose {@code attribute} equals {@code value}. */
  public JsonNode named(String type, String attribute, String value) {
    List<JsonNode> matches =
        resources(type).values().stream()
            .filter(r -> value.equals(r.path(attribute).asString(null)))
            .toList();
    assertThat(matches).as("%s with %s=%s in %s", type, attribute, value, name).hasSize(1);
    return matches.get(0);
  }

  /**
   * The region's own KMS key ({@code alias/stride-<regionId>}) of a regional AWS stack, beside the
   * keys capabilities own (their aliases have more segments).
   */
  public JsonNode regionKey() {
    List<String> keyIds =
        resources("aws_kms_alias").values().stream()
            .filter(a -> a.path("name").asString("").matches("alias/stride-[a-z0-9]+"))
            .map(a -> a.path("target_key_id").asString())
            .toList();
    assertThat(keyIds).as("region key alias in %s", name).hasSize(1);
    String ref = keyIds.get(0);
    assertThat(ref).startsWith("${aws_kms_key.").endsWith(".key_id}");
    String id = ref.substring("${aws_kms_key.".length(), ref.length() - ".key_id}".length());
    JsonNode key = resources("aws_kms_key").get(id);
    assertThat(key).as("region key %s in %s", id, name).isNotNull();
    return key;
  }

  /** The bucket of a GCP stack that holds the functions' source zips. */
  public JsonNode sourceBucket() {
    List<JsonNode> buckets =
        resources("google_storage_bucket").values().stream()
            .filter(b -> b.path("name").asString("").contains("-stride-sources-"))
            .toList();
    assertThat(buckets).as("source bucket in %s", name).hasSize(1);
    return buckets.get(0);
  }

  /** The Terraform reference {@code ${type.logicalId.attribute}} to the resource {@code node}. */
  public String ref(String type, JsonNode node, String attribute) {
    String logicalId =
        resources(type).entrySet().stream()
            .filter(e -> e.getValue() == node)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("not a " + type + " of " + name));
    return "${" + type + "." + logicalId + "." + attribute + "}";
  }

  /**
   * The statements of the inline policy of {@code role}: its single {@code aws_iam_role_policy},
   * resolved to the {@code aws_iam_policy_document} it names.
   */
  public JsonNode inlinePolicyStatements(JsonNode role) {
    String roleId = ref("aws_iam_role", role, "id");
    List<JsonNode> policies =
        resources("aws_iam_role_policy").values().stream()
            .filter(p -> roleId.equals(p.path("role").asString(null)))
            .toList();
    assertThat(policies).as("inline policies of %s in %s", roleId, name).hasSize(1);
    return policyDocument(policies.get(0).path("policy").asString()).path("statement");
  }

  /** The {@code aws_iam_policy_document} data source a {@code ${data...json}} reference names. */
  public JsonNode policyDocument(String jsonRef) {
    String prefix = "${data.aws_iam_policy_document.";
    assertThat(jsonRef).startsWith(prefix).endsWith(".json}");
    String id = jsonRef.substring(prefix.length(), jsonRef.length() - ".json}".length());
    JsonNode doc = dataSources("aws_iam_policy_document").get(id);
    assertThat(doc).as("policy document %s in %s", id, name).isNotNull();
    return doc;
  }

  /** The strings of an array node. */
  public static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.values().forEach(v -> values.add(v.asString()));
    return values;
  }

  private static Map<String, JsonNode> entries(JsonNode node) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
