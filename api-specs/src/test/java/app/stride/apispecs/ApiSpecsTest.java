package app.stride.apispecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiSpecsTest {

  @Test
  void mobileApi_isPackagedAtTheClasspathTopOfApiSpecs() throws IOException {
    try (InputStream in = ApiSpecs.mobileApi()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(text).startsWith("openapi: 3.1").contains("/v1/me/profile");
    }
    assertThat(ApiSpecs.class.getClassLoader().getResource(ApiSpecs.MOBILE_API)).isNotNull();
  }

  @Test
  void localDev_isPackagedNextToTheMobileApi() throws IOException {
    try (InputStream in = ApiSpecs.localDev()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(text).startsWith("openapi: 3.1").contains("/dev/tokens");
    }
  }
}
