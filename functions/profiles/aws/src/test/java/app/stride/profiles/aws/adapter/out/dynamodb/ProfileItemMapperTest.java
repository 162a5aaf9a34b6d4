package app.stride.profiles.aws.adapter.out.dynamodb;

import static app.stride.profiles.ProfileTestData.aProfile;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.profiles.domain.Preferences;
import app.stride.profiles.domain.Profile;
import org.junit.jupiter.api.Test;

class ProfileItemMapperTest {

  @Test
  void roundTrip_keepsEveryField() {
    Profile profile = aProfile().atVersion(7).build();

    assertThat(ProfileItemMapper.toDomain(ProfileItemMapper.toItem(profile))).isEqualTo(profile);
  }

  @Test
  void roundTrip_keepsAbsentOptionalParts() {
    Profile profile = aProfile().withGoals(null).withPreferences(Preferences.DEFAULTS).build();

    assertThat(ProfileItemMapper.toDomain(ProfileItemMapper.toItem(profile))).isEqualTo(profile);
  }

  @Test
  void toItem_keysTheItemByUser() {
    ProfileItem item = ProfileItemMapper.toItem(aProfile().of("u-42").build());

    assertThat(item.getPk()).isEqualTo("USER#u-42");
    assertThat(item.getSk()).isEqualTo("PROFILE");
    assertThat(item.getExpiresAt()).isNull();
    assertThat(item.getRevision()).isNull();
  }
}
