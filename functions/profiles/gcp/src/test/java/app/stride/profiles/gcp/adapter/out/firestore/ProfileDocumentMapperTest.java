package app.stride.profiles.gcp.adapter.out.firestore;

import static app.stride.profiles.ProfileTestData.aMinimalProfile;
import static app.stride.profiles.ProfileTestData.aProfile;
import static app.stride.profiles.ProfileTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.profiles.domain.Profile;
import com.google.cloud.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDocumentMapperTest {
  private static final Timestamp EARLY = Timestamp.ofTimeSecondsAndNanos(100, 0);
  private static final Timestamp LATE = Timestamp.ofTimeSecondsAndNanos(200, 0);

  @Test
  void toProfile_ofToDocument_isTheSameProfile() {
    Profile profile = aProfile().atVersion(4).build();

    assertThat(ProfileDocumentMapper.toProfile(ProfileDocumentMapper.toDocument(profile, Map.of())))
        .isEqualTo(profile);
  }

  @Test
  void toDocument_leavesUnsetFieldsOut_andStoresEnumsByName() {
    Profile minimal = aMinimalProfile().build();
    ProfileDocument document = ProfileDocumentMapper.toDocument(minimal, Map.of());

    assertThat(document.personal())
        .containsOnlyKeys("displayName", "preferences", "updatedAt")
        .containsEntry(
            "preferences",
            Map.of(
                "units", "METRIC",
                "language", "en",
                "sports", java.util.List.of(),
                "activityPrivacy", "PRIVATE"));
    assertThat(ProfileDocumentMapper.toProfile(document)).isEqualTo(minimal);
  }

  @Test
  void toFields_writesTheOldestPendingTimeAsOutboxSince() {
    ProfileDocument document =
        ProfileDocumentMapper.toDocument(aProfile().build(), Map.of())
            .withPending("late", OutboxEntry.of(anEvent("late", "ana"), LATE))
            .withPending("early", OutboxEntry.of(anEvent("early", "ana"), EARLY));

    assertThat(document.toFields()).containsEntry("outboxSince", EARLY).containsKey("outbox");
    assertThat(document.pendingOldestFirst())
        .extracting(Map.Entry::getKey)
        .containsExactly("early", "late");
  }

  @Test
  void toFields_withNothingPending_hasNoOutboxSince() {
    assertThat(ProfileDocumentMapper.toDocument(aProfile().build(), Map.of()).toFields())
        .doesNotContainKey("outboxSince");
  }

  @Test
  void marker_holdsNoPersonalField_andIsNoProfile() {
    ProfileDocument marker =
        ProfileDocument.marker("ana", 3, Map.of("e1", OutboxEntry.of(anEvent("e1", "ana"), EARLY)));

    assertThat(marker.toFields())
        .containsOnlyKeys("userId", "version", "deleted", "outbox", "outboxSince");
    assertThatThrownBy(() -> ProfileDocumentMapper.toProfile(marker))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outboxEntry_givesBackTheSameEvent() {
    var event = anEvent("e9", "ana");

    var again = OutboxEntry.of(event, EARLY).toEvent("e9");

    assertThat(again.id()).isEqualTo("e9");
    assertThat(again.type()).isEqualTo(event.type());
    assertThat(again.subject()).isEqualTo("ana");
    assertThat(again.json()).isEqualTo(event.json());
  }
}
