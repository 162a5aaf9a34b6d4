package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.function.StrideFunctions;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class SnapStartPrimingTest {

  @Test
  void prime_sendsOneUnauthenticatedProfileRequestThroughTheHttpFunction() {
    List<ApiRequest> seen = new ArrayList<>();
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      StrideFunctions.registerHttp(
          context,
          "profiles",
          () ->
              request -> {
                seen.add(request);
                return ApiResponse.empty(401);
              });
      context.refresh();

      ApiResponse response = primingFor(context).prime();

      assertThat(response.status()).isEqualTo(401);
      assertThat(seen)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.path()).isEqualTo("/v1/me/profile");
                assertThat(r.header("Authorization")).isEmpty();
              });
    }
  }

  private static SnapStartPriming primingFor(GenericApplicationContext context) {
    SnapStartPriming.register(context);
    return SnapStartPriming.registered();
  }
}
