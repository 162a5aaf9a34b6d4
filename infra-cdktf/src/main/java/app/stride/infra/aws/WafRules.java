package app.stride.infra.aws;

import app.stride.infra.config.EdgeConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRule;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleActionBlock;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleActionBlockCustomResponse;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleOverrideAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleOverrideActionNone;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatch;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatchUriPath;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatementTextTransformation;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatch;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatchUriPath;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementTextTransformation;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatementFieldToMatch;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatementFieldToMatchUriPath;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatementTextTransformation;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatch;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatchUriPath;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatementTextTransformation;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleVisibilityConfig;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclVisibilityConfig;
import java.util.List;

/**
 * The rules of a region's web ACL, in order:
 *
 * <ol>
 *   <li>{@value #AUTH_RATE}: per client IP, at most {@code edge.wafAuthRequestsPer5Min} requests to
 *       the auth paths ({@link AuthPaths}) in WAF's 5-minute window, else 429;
 *   <li>{@value #WEBHOOK_RATE}: per client IP, at most {@code edge.wafWebhookRequestsPer5Min}
 *       requests to the device webhooks ({@link WebhookPaths}), else 429: a higher limit, since a
 *       provider pushes for all its users from few addresses;
 *   <li>{@value #IP_RATE}: per client IP, at most {@code edge.wafRequestsPer5Min} requests to any
 *       path but the webhooks, else 429;
 *   <li>{@value #COMMON_RULES}: AWS's managed {@value #COMMON_RULE_SET} on the auth paths (the
 *       routes that take credentials), blocking what it matches.
 * </ol>
 *
 * The per-user, per-route token buckets stay in the edge layer; WAF takes the floods before they
 * cost an invocation.
 */
final class WafRules {

  static final String AUTH_RATE = "auth-rate-limit";
  static final String WEBHOOK_RATE = "webhook-rate-limit";
  static final String IP_RATE = "ip-rate-limit";
  static final String COMMON_RULES = "common-rule-set";
  static final String COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";

  private WafRules() {}

  static List<Wafv2WebAclRule> rules(RegionConfig region, EdgeConfig edge) {
    String prefix = "stride-" + region.id() + "-";
    return List.of(
        Wafv2WebAclRule.builder()
            .name(AUTH_RATE)
            .priority(0)
            .action(tooManyRequests())
            .statement(
                Wafv2WebAclRuleStatement.builder()
                    .rateBasedStatement(
                        Wafv2WebAclRuleStatementRateBasedStatement.builder()
                            .limit(edge.wafAuthRequestsPer5Min())
                            .aggregateKeyType("IP")
                            .scopeDownStatement(rateScopeDown())
                            .build())
                    .build())
            .visibilityConfig(ruleVisibility(prefix + AUTH_RATE))
            .build(),
        Wafv2WebAclRule.builder()
            .name(WEBHOOK_RATE)
            .priority(1)
            .action(tooManyRequests())
            .statement(
                Wafv2WebAclRuleStatement.builder()
                    .rateBasedStatement(
                        Wafv2WebAclRuleStatementRateBasedStatement.builder()
                            .limit(edge.wafWebhookRequestsPer5Min())
                            .aggregateKeyType("IP")
                            .scopeDownStatement(webhookScopeDown())
                            .build())
                    .build())
            .visibilityConfig(ruleVisibility(prefix + WEBHOOK_RATE))
            .build(),
        Wafv2WebAclRule.builder()
            .name(IP_RATE)
            .priority(2)
            .action(tooManyRequests())
            .statement(
                Wafv2WebAclRuleStatement.builder()
                    .rateBasedStatement(
                        Wafv2WebAclRuleStatementRateBasedStatement.builder()
                            .limit(edge.wafRequestsPer5Min())
                            .aggregateKeyType("IP")
                            .scopeDownStatement(notWebhookScopeDown())
                            .build())
                    .build())
            .visibilityConfig(ruleVisibility(prefix + IP_RATE))
            .build(),
        Wafv2WebAclRule.builder()
            .name(COMMON_RULES)
            .priority(3)
            .overrideAction(
                Wafv2WebAclRuleOverrideAction.builder()
                    .none(Wafv2WebAclRuleOverrideActionNone.builder().build())
                    .build())
            .statement(
                Wafv2WebAclRuleStatement.builder()
                    .managedRuleGroupStatement(
                        Wafv2WebAclRuleStatementManagedRuleGroupStatement.builder()
                            .vendorName("AWS")
                            .name(COMMON_RULE_SET)
                            .scopeDownStatement(managedScopeDown())
                            .build())
                    .build())
            .visibilityConfig(ruleVisibility(prefix + COMMON_RULES))
            .build());
  }

  static Wafv2WebAclVisibilityConfig visibility(String metricName) {
    return Wafv2WebAclVisibilityConfig.builder()
        .metricName(metricName)
        .cloudwatchMetricsEnabled(true)
        .sampledRequestsEnabled(false)
        .build();
  }

  private static Wafv2WebAclRuleVisibilityConfig ruleVisibility(String metricName) {
    return Wafv2WebAclRuleVisibilityConfig.builder()
        .metricName(metricName)
        .cloudwatchMetricsEnabled(true)
        .sampledRequestsEnabled(false)
        .build();
  }

  private static Wafv2WebAclRuleAction tooManyRequests() {
    return Wafv2WebAclRuleAction.builder()
        .block(
            Wafv2WebAclRuleActionBlock.builder()
                .customResponse(
                    Wafv2WebAclRuleActionBlockCustomResponse.builder().responseCode(429).build())
                .build())
        .build();
  }

  /** Requests whose path starts with {@link WebhookPaths#PREFIX}. */
  private static Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement webhookScopeDown() {
    return Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement.builder()
        .byteMatchStatement(
            Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatement.builder()
                .searchString(WebhookPaths.PREFIX)
                .positionalConstraint("STARTS_WITH")
                .fieldToMatch(
                    Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatch
                        .builder()
                        .uriPath(
                            Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatchUriPath
                                .builder()
                                .build())
                        .build())
                .textTransformation(
                    List.of(
                        Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementTextTransformation
                            .builder()
                            .priority(0)
                            .type("NONE")
                            .build()))
                .build())
        .build();
  }

  /** Requests whose path does not start with {@link WebhookPaths#PREFIX}. */
  private static Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement
      notWebhookScopeDown() {
    return Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement.builder()
        .notStatement(
            Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatement.builder()
                .statement(
                    List.of(
                        Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatement
                            .builder()
                            .byteMatchStatement(
                                Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatement
                                    .builder()
                                    .searchString(WebhookPaths.PREFIX)
                                    .positionalConstraint("STARTS_WITH")
                                    .fieldToMatch(
                                        Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatementFieldToMatch
                                            .builder()
                                            .uriPath(
                                                Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatementFieldToMatchUriPath
                                                    .builder()
                                                    .build())
                                            .build())
                                    .textTransformation(
                                        List.of(
                                            Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementStatementByteMatchStatementTextTransformation
                                                .builder()
                                                .priority(0)
                                                .type("NONE")
                                                .build()))
                                    .build())
                            .build()))
                .build())
        .build();
  }

  private static Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement rateScopeDown() {
    return Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatement.builder()
        .orStatement(
            Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatement.builder()
                .statement(
                    AuthPaths.prefixes().stream()
                        .map(
                            path ->
                                Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatement
                                    .builder()
                                    .byteMatchStatement(
                                        Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatement
                                            .builder()
                                            .searchString(path)
                                            .positionalConstraint("STARTS_WITH")
                                            .fieldToMatch(
                                                Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatch
                                                    .builder()
                                                    .uriPath(
                                                        Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatchUriPath
                                                            .builder()
                                                            .build())
                                                    .build())
                                            .textTransformation(
                                                List.of(
                                                    Wafv2WebAclRuleStatementRateBasedStatementScopeDownStatementOrStatementStatementByteMatchStatementTextTransformation
                                                        .builder()
                                                        .priority(0)
                                                        .type("NONE")
                                                        .build()))
                                            .build())
                                    .build())
                        .toList())
                .build())
        .build();
  }

  private static Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatement
      managedScopeDown() {
    return Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatement.builder()
        .orStatement(
            Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatement.builder()
                .statement(
                    AuthPaths.prefixes().stream()
                        .map(
                            path ->
                                Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatement
                                    .builder()
                                    .byteMatchStatement(
                                        Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatement
                                            .builder()
                                            .searchString(path)
                                            .positionalConstraint("STARTS_WITH")
                                            .fieldToMatch(
                                                Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatch
                                                    .builder()
                                                    .uriPath(
                                                        Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatementFieldToMatchUriPath
                                                            .builder()
                                                            .build())
                                                    .build())
                                            .textTransformation(
                                                List.of(
                                                    Wafv2WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementOrStatementStatementByteMatchStatementTextTransformation
                                                        .builder()
                                                        .priority(0)
                                                        .type("NONE")
                                                        .build()))
                                            .build())
                                    .build())
                        .toList())
                .build())
        .build();
  }
}
