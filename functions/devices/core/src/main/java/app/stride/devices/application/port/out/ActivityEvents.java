package app.stride.devices.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.Provider;

/** Builds the {@code app.stride.activity.v1.*} event of a change, ready for the store's outbox. */
public interface ActivityEvents {
  /** A new activity was imported. */
  OutboundEvent imported(Activity activity);

  /** {@code activity} (its new version) gained the source {@code added}. */
  OutboundEvent merged(Activity activity, Provider added);

  /**
   * {@code activity} (its new version) holds the data of an update from {@code updated}, the
   * provider its data comes from.
   */
  OutboundEvent updated(Activity activity, Provider updated);
}
