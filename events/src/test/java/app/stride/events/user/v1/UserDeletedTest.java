package app.stride.events.user.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserDeletedTest {

  private static final Instant AT = Instant.parse("2026-05-02T09:15:30.250Z");

  @Test
  void event_buildsTheEnvelopeFromTheRegionAndUser() {
    CloudEvent<UserDeleted> event = UserDeleted.event("evt-1", "apac", "usr_42", AT);

    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.id()).isEqualTo("evt-1");
    assertThat(event.source()).isEqualTo("/stride/apac/auth");
    assertThat(event.type()).isEqualTo("app.stride.user.v1.deleted");
    assertThat(event.subject()).isEqualTo("usr_42");
    assertThat(event.time()).isEqualTo(AT);
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.dataschema())
        .isEqualTo(URI.create("https://stride.app/events/schemas/user/v1/deleted.schema.json"));
    assertThat(event.data()).isEqualTo(new UserDeleted("usr_42", "apac", AT));
  }

  @Test
  void new_rejectsBlankOrOverlongUserId() {
    assertThatThrownBy(() -> new UserDeleted(" ", "eu", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserDeleted("u".repeat(65), "eu", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new UserDeleted("u".repeat(64), "eu", AT).userId()).hasSize(64);
  }

  @Test
  void new_rejectsMalformedRegion() {
    assertThatThrownBy(() -> new UserDeleted("usr_42", "EU", AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("homeRegion");
    assertThatThrownBy(() -> new UserDeleted("usr_42", "e", AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_rejectsMissingParts() {
    assertThatThrownBy(() -> new UserDeleted(null, "eu", AT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new UserDeleted("usr_42", null, AT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new UserDeleted("usr_42", "eu", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("deletedAt");
  }
}
