package app.stride.social.testing;

import static app.stride.social.testing.SocialTestData.T0;
import static app.stride.social.testing.SocialTestData.aGroupId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Subscription;
import app.stride.social.domain.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionRegistry} adapter does alike; the DynamoDB and Firestore ITs run it
 * against the real local servers.
 */
public abstract class ConnectionRegistryContract {
  protected abstract ConnectionRegistry registry();

  private static ConnectionId aConnectionId() {
    return new ConnectionId(
        "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 14) + "=");
  }

  private static Connection anOpenConnection(String user) {
    return Connection.open(aConnectionId(), new UserId(user), T0, T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void open_thenLoad_returnsTheConnection_withItsGroupsAndWindow() {
    GroupId group = aGroupId("eu");
    Connection opened = anOpenConnection("ana");
    registry().open(opened);
    Connection next = opened.countFrame(T0.plusSeconds(1), Duration.ofSeconds(10)).subscribe(group);

    registry().replace(next, opened.version());

    assertThat(registry().load(opened.id())).contains(next);
  }

  @Test
  void replace_atAStaleVersion_conflicts_andKeepsTheStoredOne() {
    Connection opened = anOpenConnection("bo");
    registry().open(opened);
    Connection first = opened.countFrame(T0, Duration.ofSeconds(10));
    registry().replace(first, opened.version());

    assertThatThrownBy(
            () ->
                registry().replace(opened.countFrame(T0, Duration.ofSeconds(10)), opened.version()))
        .isInstanceOf(VersionConflictException.class);
    assertThat(registry().load(opened.id())).contains(first);
  }

  @Test
  void replace_ofAClosedConnection_conflicts() {
    Connection opened = anOpenConnection("cy");
    registry().open(opened);
    registry().close(opened.id());

    assertThatThrownBy(
            () ->
                registry().replace(opened.countFrame(T0, Duration.ofSeconds(10)), opened.version()))
        .isInstanceOf(VersionConflictException.class);
    assertThat(registry().load(opened.id())).isEmpty();
  }

  @Test
  void subscribers_areThoseOfTheGroupOnly_andUnsubscribeDropsOne() {
    GroupId group = aGroupId("eu");
    GroupId other = aGroupId("eu");
    Connection ana = anOpenConnection("ana");
    Connection bo = anOpenConnection("bo");
    registry().subscribe(ana.subscription(group));
    registry().subscribe(ana.subscription(group));
    registry().subscribe(bo.subscription(group));
    registry().subscribe(bo.subscription(other));

    registry().unsubscribe(group, bo.id());

    assertThat(registry().subscribers(group)).containsExactly(ana.subscription(group));
    assertThat(registry().subscribers(other))
        .extracting(Subscription::connection)
        .containsExactly(bo.id());
  }

  @Test
  void closeAndUnsubscribe_ofWhatIsNotThere_doNothing() {
    ConnectionId unknown = aConnectionId();

    registry().close(unknown);
    registry().unsubscribe(aGroupId("eu"), unknown);

    assertThat(registry().load(unknown)).isEmpty();
  }
}
