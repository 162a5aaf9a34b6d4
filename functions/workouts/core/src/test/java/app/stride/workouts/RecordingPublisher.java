package app.stride.workouts;

import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records published events; can be switched to fail like a transport that is down. */
final class RecordingPublisher implements EventPublisher {
  final List<OutboundEvent> published = new ArrayList<>();
  boolean down;

  @Override
  public void publish(OutboundEvent event) {
    if (down) {
      throw new StoreUnavailableException("event queue", new java.io.IOException("refused"));
    }
    published.add(event);
  }

  List<String> types() {
    return published.stream().map(OutboundEvent::type).toList();
  }

  List<String> bodies() {
    return published.stream().map(e -> new String(e.json(), StandardCharsets.UTF_8)).toList();
  }
}
