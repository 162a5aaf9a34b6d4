package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The region's GCP API Gateway (google-beta, see {@link GoogleBeta}): the API {@code stride-<id>},
 * a config derived from the OpenAPI spec at synth time ({@link GatewayDocument}) whose backends are
 * the region's Cloud Functions (their Cloud Run URLs), and the gateway {@code stride-<id>} in the
 * region's location serving it. A new config gets a new generated id and replaces the old one only
 * after it exists ({@code create_before_destroy}).
 */
public final class ApiGateway extends Construct {

  /** The path the derived document is registered under. */
  public static final String DOCUMENT_PATH = "stride-gateway.json";

  /** How long the gateway waits for a function (the auth function's limit). */
  public static final double DEADLINE_SECONDS = 15.0;

  private final TerraformResource api;
  private final TerraformResource gateway;

  /** Creates API, config and gateway for {@code spec}, routed to {@code backends}. */
  public ApiGateway(
      Construct scope,
      String id,
      RegionConfig region,
      JsonNode spec,
      Map<String, String> backends) {
    super(scope, id);
    String name = "stride-" + region.id();
    // The backend addresses are known after apply, so Terraform encodes the document.
    Object document =
        JsonMapper.shared()
            .convertValue(
                GatewayDocument.derive(
                    spec,
                    spec.path("info").path("title").asString() + " (" + region.id() + ")",
                    backends,
                    DEADLINE_SECONDS),
                Map.class);
    api =
        GoogleBeta.resource(
            this,
            "api",
            "google_api_gateway_api",
            attributes("project", region.gcpProject(), "api_id", name, "display_name", name));
    Map<String, Object> config =
        attributes(
            "project",
            region.gcpProject(),
            "api",
            api.getStringAttribute("api_id"),
            "api_config_id_prefix",
            name + "-",
            "display_name",
            name + " from " + DOCUMENT_PATH);
    config.put(
        "openapi_documents",
        List.of(
            Map.of(
                "document",
                Map.of(
                    "path", DOCUMENT_PATH, "contents", Fn.base64encode(Fn.jsonencode(document))))));
    config.put("lifecycle", Map.of("create_before_destroy", true));
    TerraformResource apiConfig =
        GoogleBeta.resource(this, "config", "google_api_gateway_api_config", config);
    gateway =
        GoogleBeta.resource(
            this,
            "gateway",
            "google_api_gateway_gateway",
            attributes(
                "project",
                region.gcpProject(),
                "region",
                region.location(),
                "gateway_id",
                name,
                "display_name",
                name,
                "api_config",
                apiConfig.getStringAttribute("id")));
  }

  private static Map<String, Object> attributes(String... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** The gateway's id ({@code stride-<id>}), for a serverless NEG. */
  public String gatewayId() {
    return gateway.getStringAttribute("gateway_id");
  }

  /** The gateway's default host name ({@code *.gateway.dev}). */
  public String defaultHostname() {
    return gateway.getStringAttribute("default_hostname");
  }

  /** The managed service API Gateway created for the API: the {@code service} of its metrics. */
  public String managedService() {
    return api.getStringAttribute("managed_service");
  }
}
