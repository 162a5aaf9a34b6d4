package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Resources of the {@code google-beta} Terraform provider, which {@code cdktf-provider-google}
 * 12.0.2 does not bind (it binds {@code google} only, and no prebuilt google-beta binding is in the
 * project): API Gateway ({@code google_api_gateway_*}) and the serverless NEG that points at a
 * gateway. They are declared as plain Terraform resources of their real type, with their attributes
 * written as in the provider's documentation; nothing checks those names before {@code terraform
 * validate}, so the tests pin them.
 */
public final class GoogleBeta {

  /** The provider's local name, also what each resource's {@code provider} says. */
  public static final String PROVIDER = "google-beta";

  /** The same major version as the {@code google} provider the bindings were generated for. */
  public static final String VERSION = "5.4.0";

  private GoogleBeta() {}

  /** Declares the provider in {@code stack}, pinned to the region's project and location. */
  public static void declare(TerraformStack stack, RegionConfig region) {
    stack.addOverride(
        "terraform.required_providers." + PROVIDER,
        Map.of("source", "hashicorp/google-beta", "version", VERSION));
    stack.addOverride(
        "provider." + PROVIDER,
        List.of(Map.of("project", region.gcpProject(), "region", region.location())));
  }

  /** A resource of {@code type} served by the beta provider, with {@code attributes}. */
  public static TerraformResource resource(
      Construct scope, String id, String type, Map<String, Object> attributes) {
    TerraformResource resource =
        new TerraformResource(
            scope, id, TerraformResourceConfig.builder().terraformResourceType(type).build());
    resource.addOverride("provider", PROVIDER);
    attributes.forEach(resource::addOverride);
    return resource;
  }
}
