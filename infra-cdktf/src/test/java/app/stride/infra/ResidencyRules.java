package app.stride.infra;

import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.gcp.RegionRedis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The residency rule, checked on synthesized Terraform JSON: every grant of a regional stack names
 * only that stack's own resources.
 *
 * <ul>
 *   <li>AWS: every resource of every IAM policy statement is a reference to a resource of the same
 *       stack ({@code ${aws_x.y.arn}}, optionally {@code /index/*}, {@code /index/<name>} or {@code
 *       :*}, or {@code ${aws_apigatewayv2_api.y.execution_arn}/<stage>/POST/@connections/*}); no
 *       literal ARN, no other wildcard; role policies come only from those scanned documents; no
 *       managed policies. The one exception: Lambda's network-interface actions for a function in
 *       the region's network ({@link #LAMBDA_VPC_ACTIONS}) on {@code *}, as EC2 cannot scope its
 *       describe calls and an interface holds no data. A key policy lets only this stack's roles
 *       use a key, or a service for this stack's resources ({@code aws:SourceArn}); the account may
 *       manage a key but use only the region's own key, whose use IAM decides.
 *   <li>GCP: a project-level binding of a data role carries a condition whose references are all in
 *       the same stack; a resource-level binding (topic, subscription, bucket, service, secret)
 *       names a resource of the same stack; no authoritative project policy.
 *   <li>All: no grant's text mentions a data resource name or location of another region.
 * </ul>
 */
public final class ResidencyRules {

  /** One broken rule. */
  public record Violation(String stack, String where, String detail) {
    @Override
    public String toString() {
      return stack + " " + where + ": " + detail;
    }
  }

  private static final Pattern OWN_ARN_REF =
      Pattern.compile(
          "\\$\\{(aws_[a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.arn\\}(/index/(\\*|[A-Za-z0-9_.-]+)|:\\*|/\\*)?");

  /** The account itself as a key policy principal: the root of this stack's caller identity. */
  private static final Pattern OWN_ACCOUNT_ROOT =
      Pattern.compile(
          "arn:aws:iam::\\$\\{data\\.aws_caller_identity\\.([A-Za-z0-9_-]+)\\.account_id\\}:root");

  /** Using a key; the account root may manage a restricted key but never use it. */
  private static final Pattern KMS_USE =
      Pattern.compile("kms:(\\*|Encrypt|Decrypt|ReEncrypt.*|GenerateDataKey.*)");

  /** An AWS service principal, e.g. {@code sns.amazonaws.com}. */
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+\\.amazonaws\\.com");

  /** Pushes to the connections of one stage of a WebSocket API ({@code ManageConnections}). */
  private static final Pattern OWN_CONNECTIONS_REF =
      Pattern.compile(
          "\\$\\{(aws_apigatewayv2_api)\\.([A-Za-z0-9_-]+)\\.execution_arn\\}"
              + "/[A-Za-z0-9_-]+/POST/@connections/\\*");

  private static final Pattern POLICY_DOC_REF =
      Pattern.compile("\\$\\{data\\.aws_iam_policy_document\\.([A-Za-z0-9_-]+)\\.json\\}");
  private static final Pattern ANY_REF =
      Pattern.compile("\\$\\{(data\\.)?([a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.[a-z0-9_.\\[\\]]+\\}");
  private static final Set<String> GCP_DATA_ROLE_PREFIXES =
      Set.of(
          "roles/datastore.",
          "roles/pubsub.",
          "roles/storage.",
          "roles/firebase",
          "roles/cloudkms.",
          "roles/iam.serviceAccount");
  private static final Map<String, String> GCP_RESOURCE_LEVEL_TARGET =
      Map.of(
          "google_pubsub_topic_iam_member", "topic",
          "google_pubsub_subscription_iam_member", "subscription",
          "google_storage_bucket_iam_member", "bucket",
          "google_cloud_run_v2_service_iam_member", "name",
          "google_secret_manager_secret_iam_member", "secret_id",
          "google_kms_crypto_key_iam_member", "crypto_key_id",
          "google_service_account_iam_member", "service_account_id");

  private ResidencyRules() {}

  /** Checks every regional stack against the data resources of all regional stacks. */
  public static List<Violation> check(Map<RegionConfig, TfStack> regionalStacks) {
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<RegionConfig, TfStack> entry : regionalStacks.entrySet()) {
      TfStack stack = entry.getValue();
      Set<String> foreign = foreignMarkers(entry.getKey(), regionalStacks);
      List<Grant> grants = new ArrayList<>();
      grants.addAll(awsGrants(stack, entry.getKey(), violations));
      grants.addAll(gcpGrants(stack, violations));
      for (Grant grant : grants) {
        for (String marker : foreign) {
          if (mentions(grant.text, marker)) {
            violations.add(
                new Violation(stack.name(), grant.where, "mentions foreign data " + marker));
          }
        }
      }
    }
    return violations;
  }

  private record Grant(String where, String text) {}

  /**
   * Whether {@code text} names {@code marker}. A name must not continue ({@code stride-profiles-e}
   * is not {@code stride-profiles-eu}); a marker that ends in a separator, such as {@code
   * :us-east-1:} inside an ARN, matches whatever follows.
   */
  private static boolean mentions(String text, String marker) {
    boolean endsInName = Character.isLetterOrDigit(marker.charAt(marker.length() - 1));
    String boundary = endsInName ? "(?![a-z0-9])" : "";
    return Pattern.compile(Pattern.quote(marker) + boundary).matcher(text).find();
  }

  private static List<Grant> awsGrants(
      TfStack stack, RegionConfig region, List<Violation> violations) {
    List<Grant> grants = new ArrayList<>();
    Set<String> keyPolicies = documentsOf(stack, "aws_kms_key_policy", "policy", violations);
    keyPolicies.addAll(documentsOf(stack, "aws_kms_key", "policy", violations));
    Set<String> bucketPolicies = documentsOf(stack, "aws_s3_bucket_policy", "policy", violations);
    Set<String> regionKeyPolicies = regionKeyPolicies(stack, region);
    stack
        .dataSources("aws_iam_policy_document")
        .forEach(
            (id, doc) -> {
              int index = 0;
              for (JsonNode statement : doc.path("statement").values()) {
                String where = "aws_iam_policy_document." + id + ".statement[" + index++ + "]";
                grants.add(new Grant(where, statement.toString()));
                if (statement.has("not_resources") || statement.has("not_actions")) {
                  violations.add(new Violation(stack.name(), where, "negated statement"));
                }
                if (keyPolicies.contains(id)) {
                  checkKeyPolicyStatement(
                      stack, where, statement, regionKeyPolicies.contains(id), violations);
                  continue;
                }
                if (bucketPolicies.contains(id)
                    && !statement.path("effect").asString("").equals("Deny")) {
                  // A bucket policy only refuses; access comes from the roles' own policies.
                  violations.add(new Violation(stack.name(), where, "bucket policy allows"));
                }
                if (lambdaNetworkInterfaces(statement)) {
                  continue;
                }
                for (String resource : TfStack.strings(statement.path("resources"))) {
                  checkAwsResource(stack, where, resource, violations);
                }
              }
            });
    stack
        .resources("aws_iam_role_policy")
        .forEach(
            (id, policy) -> {
              Matcher m = POLICY_DOC_REF.matcher(policy.path("policy").asString(""));
              if (!m.matches()
                  || stack.dataSources("aws_iam_policy_document").get(m.group(1)) == null) {
                violations.add(
                    new Violation(
                        stack.name(),
                        "aws_iam_role_policy." + id,
                        "policy is not a scanned policy document of this stack"));
              }
            });
    stack
        .resources("aws_iam_role")
        .forEach(
            (id, role) -> {
              if (role.has("inline_policy") || role.has("managed_policy_arns")) {
                violations.add(
                    new Violation(stack.name(), "aws_iam_role." + id, "unscanned role policies"));
              }
            });
    for (String type : List.of("aws_iam_role_policy_attachment", "aws_iam_policy_attachment")) {
      stack
          .resources(type)
          .keySet()
          .forEach(id -> violations.add(new Violation(stack.name(), type + "." + id, "attached")));
    }
    return grants;
  }

  /**
   * The actions Lambda's documentation asks of the execution role of a function in a VPC, to manage
   * the function's network interfaces; nothing else may go with them on {@code *}.
   */
  public static final Set<String> LAMBDA_VPC_ACTIONS =
      Set.of(
          "ec2:CreateNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSubnets",
          "ec2:DeleteNetworkInterface",
          "ec2:AssignPrivateIpAddresses",
          "ec2:UnassignPrivateIpAddresses");

  private static boolean lambdaNetworkInterfaces(JsonNode statement) {
    List<String> actions = TfStack.strings(statement.path("actions"));
    return statement.path("effect").asString("Allow").equals("Allow")
        && !actions.isEmpty()
        && LAMBDA_VPC_ACTIONS.containsAll(actions)
        && TfStack.strings(statement.path("resources")).equals(List.of("*"));
  }

  private static void checkAwsResource(
      TfStack stack, String where, String resource, List<Violation> violations) {
    Matcher m = OWN_ARN_REF.matcher(resource);
    if (!m.matches()) {
      m = OWN_CONNECTIONS_REF.matcher(resource);
    }
    if (!m.matches()) {
      violations.add(
          new Violation(stack.name(), where, "not an own-resource reference: " + resource));
    } else if (!stack.resources(m.group(1)).containsKey(m.group(2))) {
      violations.add(new Violation(stack.name(), where, "references a resource outside the stack"));
    } else if (resource.endsWith("}/*") && !m.group(1).equals("aws_s3_bucket")) {
      // Objects: only a bucket has them.
      violations.add(new Violation(stack.name(), where, "objects of a non-bucket: " + resource));
    }
  }

  /**
   * The ids of the policy documents that {@code attribute} of every {@code type} resource names; a
   * policy of that kind that is not such a reference is a violation (it would go unscanned).
   */
  private static Set<String> documentsOf(
      TfStack stack, String type, String attribute, List<Violation> violations) {
    Set<String> ids = new HashSet<>();
    stack
        .resources(type)
        .forEach(
            (id, resource) -> {
              if (!resource.has(attribute)) {
                return;
              }
              Matcher m = POLICY_DOC_REF.matcher(resource.path(attribute).asString(""));
              if (m.matches()) {
                ids.add(m.group(1));
              } else {
                violations.add(
                    new Violation(stack.name(), type + "." + id, "unscanned " + attribute));
              }
            });
    return ids;
  }

  /**
   * The ids of the policy documents of the region's own key ({@code alias/stride-<regionId>} of
   * this stack): IAM decides who uses it, as under the default key policy, so the account may hold
   * {@code kms:*} on it; every other key is restricted.
   */
  private static Set<String> regionKeyPolicies(TfStack stack, RegionConfig region) {
    Set<String> keyRefs = new HashSet<>();
    stack
        .resources("aws_kms_alias")
        .values()
        .forEach(
            alias -> {
              if (alias.path("name").asString("").equals("alias/stride-" + region.id())) {
                keyRefs.add(alias.path("target_key_id").asString(""));
              }
            });
    Set<String> ids = new HashSet<>();
    stack
        .resources("aws_kms_key_policy")
        .values()
        .forEach(
            policy -> {
              Matcher m = POLICY_DOC_REF.matcher(policy.path("policy").asString(""));
              if (keyRefs.contains(policy.path("key_id").asString("")) && m.matches()) {
                ids.add(m.group(1));
              }
            });
    return ids;
  }

  /**
   * A key policy's resource is the key itself ({@code *}); who may act is in its principals: the
   * account (administration only, never use, except on the region's own key, {@code regionKey}),
   * this stack's roles, or an AWS service acting for a resource of this stack ({@code
   * aws:SourceArn} naming only such resources).
   */
  private static void checkKeyPolicyStatement(
      TfStack stack,
      String where,
      JsonNode statement,
      boolean regionKey,
      List<Violation> violations) {
    if (!TfStack.strings(statement.path("resources")).equals(List.of("*"))) {
      violations.add(new Violation(stack.name(), where, "key policy resource is not the key"));
    }
    boolean uses =
        TfStack.strings(statement.path("actions")).stream()
            .anyMatch(a -> KMS_USE.matcher(a).matches());
    for (JsonNode principals : statement.path("principals").values()) {
      if (principals.path("type").asString("").equals("Service")) {
        checkServicePrincipal(stack, where, statement, principals, violations);
        continue;
      }
      for (String principal : TfStack.strings(principals.path("identifiers"))) {
        Matcher root = OWN_ACCOUNT_ROOT.matcher(principal);
        Matcher role = OWN_ARN_REF.matcher(principal);
        if (root.matches()) {
          if (!stack.dataSources("aws_caller_identity").containsKey(root.group(1))) {
            violations.add(new Violation(stack.name(), where, "another stack's account"));
          }
          if (uses && !regionKey && statement.path("effect").asString("").equals("Allow")) {
            violations.add(new Violation(stack.name(), where, "the account may use the key"));
          }
        } else if (!role.matches()
            || !role.group(1).equals("aws_iam_role")
            || role.group(3) != null
            || !stack.resources("aws_iam_role").containsKey(role.group(2))) {
          violations.add(
              new Violation(
                  stack.name(), where, "key policy principal not an own role: " + principal));
        }
      }
    }
  }

  /**
   * A service may use a key only on behalf of this stack's own resources: the statement binds it
   * with an {@code aws:SourceArn} condition whose values are each a reference to a resource of this
   * stack.
   */
  private static void checkServicePrincipal(
      TfStack stack,
      String where,
      JsonNode statement,
      JsonNode principals,
      List<Violation> violations) {
    for (String service : TfStack.strings(principals.path("identifiers"))) {
      if (!SERVICE.matcher(service).matches()) {
        violations.add(new Violation(stack.name(), where, "not an AWS service: " + service));
      }
    }
    List<String> sources = new ArrayList<>();
    for (JsonNode condition : statement.path("condition").values()) {
      if (condition.path("variable").asString("").equals("aws:SourceArn")
          && condition.path("test").asString("").startsWith("Arn")) {
        sources.addAll(TfStack.strings(condition.path("values")));
      }
    }
    boolean bound =
        !sources.isEmpty()
            && sources.stream()
                .allMatch(
                    source -> {
                      Matcher m = OWN_ARN_REF.matcher(source);
                      return m.matches()
                          && m.group(3) == null
                          && stack.resources(m.group(1)).containsKey(m.group(2));
                    });
    if (!bound) {
      violations.add(
          new Violation(
              stack.name(),
              where,
              "service principal not bound to an own resource by aws:SourceArn"));
    }
  }

  private static List<Grant> gcpGrants(TfStack stack, List<Violation> violations) {
    List<Grant> grants = new ArrayList<>();
    if (!stack.resources("google_project_iam_policy").isEmpty()
        || !stack.resources("google_project_iam_binding").isEmpty()) {
      violations.add(new Violation(stack.name(), "project", "authoritative project IAM"));
    }
    stack
        .resources("google_project_iam_member")
        .forEach(
            (id, member) -> {
              String where = "google_project_iam_member." + id;
              grants.add(new Grant(where, member.toString()));
              String role = member.path("role").asString("");
              if (GCP_DATA_ROLE_PREFIXES.stream().noneMatch(role::startsWith)) {
                return;
              }
              String expression = member.path("condition").path("expression").asString("");
              if (expression.isBlank()) {
                violations.add(new Violation(stack.name(), where, "unconditioned " + role));
              }
              checkRefsInStack(stack, where, expression, violations);
            });
    GCP_RESOURCE_LEVEL_TARGET.forEach(
        (type, attribute) ->
            stack
                .resources(type)
                .forEach(
                    (id, member) -> {
                      String where = type + "." + id;
                      grants.add(new Grant(where, member.toString()));
                      String target = member.path(attribute).asString("");
                      if (!ANY_REF.matcher(target).matches()) {
                        violations.add(
                            new Violation(stack.name(), where, "literal target " + target));
                      }
                      checkRefsInStack(stack, where, target, violations);
                    }));
    return grants;
  }

  private static void checkRefsInStack(
      TfStack stack, String where, String text, List<Violation> violations) {
    Matcher m = ANY_REF.matcher(text);
    while (m.find()) {
      boolean found =
          m.group(1) == null
              ? stack.resources(m.group(2)).containsKey(m.group(3))
              : stack.dataSources(m.group(2)).containsKey(m.group(3));
      if (!found) {
        violations.add(new Violation(stack.name(), where, "foreign reference " + m.group()));
      }
    }
  }

  /** Names and locations of other regions' data, as they would appear in a grant. */
  private static Set<String> foreignMarkers(
      RegionConfig own, Map<RegionConfig, TfStack> regionalStacks) {
    Set<String> markers = new HashSet<>();
    for (RegionConfig other : regionalStacks.keySet()) {
      if (other.id().equals(own.id())) {
        continue;
      }
      for (Capability capability : Capabilities.ALL) {
        markers.add(other.tableName(capability.name()));
        markers.add(other.functionName(capability.name()));
        markers.add(other.outboxRelayFunctionName(capability.name()));
        markers.add(other.realtimeFunctionName(capability.name()));
        capability.outbox().ifPresent(o -> markers.add(other.eventsName(o.eventsName())));
        markers.add(other.workerFunctionName(capability.name()));
        capability
            .subscribers()
            .forEach(s -> markers.add(other.subscriberFunctionName(capability.name(), s.stem())));
        capability
            .bucket()
            .ifPresent(
                b -> {
                  // AWS: stride-<stem>-<id>-<account>; GCP: <project>-stride-<stem>-<id>.
                  markers.add("stride-" + b.stem() + "-" + other.id());
                  markers.add("alias/stride-" + b.stem() + "-objects-" + other.id());
                });
        capability
            .envelopeKey()
            .ifPresent(
                k ->
                    markers.add(
                        "alias/stride-" + capability.name() + "-" + k.stem() + "-" + other.id()));
        capability.workQueue().ifPresent(q -> markers.add(other.eventsName(q.stem())));
        for (Capability.Subscriber subscriber : capability.subscribers()) {
          // The subscriber's function (and role), also the name of its queue.
          markers.add(other.subscriberFunctionName(capability.name(), subscriber.stem()));
          markers.add(other.eventsName(subscriber.events()));
          // Its sweep's function (and role), also the name of its schedule's topic (GCP).
          subscriber
              .sweep()
              .ifPresent(
                  s ->
                      markers.add(
                          other.subscriberSweepFunctionName(capability.name(), subscriber.stem())));
        }
      }
      markers.add(other.profilesTableName());
      markers.add(other.firestoreDatabaseName());
      markers.add(other.profileEventsName());
      markers.add(other.cursorKeySecretName());
      markers.add(other.profilesOutboxRelayFunctionName());
      markers.add(other.authTableName());
      markers.add(other.authKeyRotationFunctionName());
      markers.add(other.authDeletionRelayFunctionName());
      markers.add(other.directoryHashKeySecretName());
      markers.add(other.directoryApiSecretName());
      markers.add(other.smtpPasswordSecretName());
      markers.add(RegionRedis.authSecretName(other));
      markers.add(other.sesConfigurationSetName());
      markers.add(":" + other.location() + ":");
      markers.add("locations/" + other.location());
      if (other.gcpProject() != null && !other.gcpProject().equals(own.gcpProject())) {
        markers.add(other.gcpProject());
      }
    }
    return markers;
  }
}
