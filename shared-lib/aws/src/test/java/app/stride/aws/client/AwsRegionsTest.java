package app.stride.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsRegionsTest {

  @Test
  void fromEnv_prefersTheRegionLambdaSets() {
    Env env = new Env(Map.of("AWS_REGION", "us-east-1", "STRIDE_REGION", "eu"));

    assertThat(AwsRegions.fromEnv(env)).isEqualTo(Region.US_EAST_1);
  }

  @Test
  void fromEnv_outsideLambdaTakesTheCloudRegionOfTheStrideRegion() {
    assertThat(AwsRegions.fromEnv(new Env(Map.of("STRIDE_REGION", "eu"))))
        .isEqualTo(Region.EU_CENTRAL_1);
  }

  @Test
  void fromEnv_refusesAStrideRegionHostedOnAnotherCloud() {
    assertThatThrownBy(() -> AwsRegions.fromEnv(new Env(Map.of("STRIDE_REGION", "apac"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not an AWS region");
  }
}
