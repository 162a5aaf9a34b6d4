package app.stride.infra.global;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import com.hashicorp.cdktf.Testing;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GlobalStackTest {

  private final TfStack stack = SynthesizedStacks.stack("global");

  @Test
  void directory_isAnEncryptedPitrTable_inEuCentral1() {
    JsonNode table = stack.only("aws_dynamodb_table");

    assertThat(
            Testing.toHaveProviderWithProperties(
                stack.json(), "aws", Map.of("region", "eu-central-1")))
        .isTrue();
    assertThat(table.path("name").asString()).isEqualTo("stride-directory");
    assertThat(table.path("hash_key").asString()).isEqualTo("pk");
    assertThat(table.at("/point_in_time_recovery/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/kms_key_arn").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.only("aws_kms_key"), "arn"));
  }

  @Test
  void directory_holdsNoAttributeButTheKeyedHashAndTheHomeRegion() {
    JsonNode table = stack.only("aws_dynamodb_table");

    assertThat(table.path("attribute").values())
        .extracting(a -> a.path("name").asString() + ":" + a.path("type").asString())
        .as("DynamoDirectory: DirectoryItem keyed by the string pk")
        .containsExactly("pk:S");
    assertThat(table.has("range_key")).isFalse();
    assertThat(table.has("global_secondary_index")).isFalse();
    assertThat(table.has("local_secondary_index")).isFalse();
    assertThat(table.has("stream_enabled")).isFalse();
    assertThat(table.has("replica")).isFalse();
    assertThat(table.at("/tags/stride:item-attributes").asString()).isEqualTo("pk,homeRegion");
  }

  @Test
  void globalStack_containsOnlyTheDirectoryAndItsKey() {
    assertThat(stack.resourceTypes())
        .containsExactlyInAnyOrder("aws_dynamodb_table", "aws_kms_key", "aws_kms_alias");
    assertThat(stack.root().has("data")).isFalse();
    assertThat(stack.json()).doesNotContain("stride-profiles-", "stride-profile-events-");
  }
}
