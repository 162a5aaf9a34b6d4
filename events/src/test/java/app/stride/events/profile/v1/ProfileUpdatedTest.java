package app.stride.events.profile.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import app.stride.events.profile.v1.ProfileUpdated.Change;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileUpdatedTest {

  private static final Instant AT = Instant.parse("2026-03-14T07:45:12.345Z");

  @Test
  void event_buildsTheEnvelopeFromTheRegionAndUser() {
    CloudEvent<ProfileUpdated> event =
        ProfileUpdated.event(
            "evt-1", "apac", "usr_42", 3, Change.PATCHED, List.of("goals", "weightKg"), AT);

    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.id()).isEqualTo("evt-1");
    assertThat(event.source()).isEqualTo("/stride/apac/profiles");
    assertThat(event.type()).isEqualTo("app.stride.profile.v1.updated");
    assertThat(event.subject()).isEqualTo("usr_42");
    assertThat(event.time()).isEqualTo(AT);
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.dataschema())
        .isEqualTo(URI.create("https://stride.app/events/schemas/profile/v1/updated.schema.json"));
    assertThat(event.data())
        .isEqualTo(
            new ProfileUpdated(
                "usr_42", "apac", 3, Change.PATCHED, List.of("goals", "weightKg"), AT));
  }

  @Test
  void new_copiesChangedFieldsSoLaterChangesDoNotLeakIn() {
    List<String> fields = new ArrayList<>(List.of("about"));
    ProfileUpdated data = new ProfileUpdated("usr_42", "eu", 2, Change.REPLACED, fields, AT);

    fields.add("goals");

    assertThat(data.changedFields()).containsExactly("about");
    assertThatThrownBy(() -> data.changedFields().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void new_rejectsVersionBelowOne() {
    assertThatThrownBy(
            () -> new ProfileUpdated("usr_42", "eu", 0, Change.CREATED, List.of("displayName"), AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version");
  }

  @Test
  void new_rejectsDuplicateChangedFields() {
    assertThatThrownBy(
            () ->
                new ProfileUpdated(
                    "usr_42", "eu", 2, Change.PATCHED, List.of("goals", "goals"), AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_rejectsChangedFieldsOnADeletion() {
    assertThatThrownBy(
            () -> new ProfileUpdated("usr_42", "eu", 2, Change.DELETED, List.of("goals"), AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_rejectsBlankUserAndMalformedRegion() {
    assertThatThrownBy(() -> new ProfileUpdated(" ", "eu", 1, Change.CREATED, List.of(), AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProfileUpdated("usr_42", "EU", 1, Change.CREATED, List.of(), AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cloudEvent_rejectsOtherSpecVersionsAndMissingId() {
    assertThatThrownBy(
            () -> new CloudEvent<>("0.3", "e", "/s", "t", null, null, null, null, "data"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CloudEvent<>("1.0", null, "/s", "t", null, null, null, null, "d"))
        .isInstanceOf(NullPointerException.class);
  }
}
