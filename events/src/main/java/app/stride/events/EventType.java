package app.stride.events;

import java.util.Objects;

/**
 * A CloudEvents type name bound to the Java record of its {@code data}.
 *
 * @param name the CloudEvents {@code type}, e.g. {@code app.stride.profile.v1.updated}
 * @param dataClass the record that {@code data} decodes into
 * @param <T> the payload type
 */
public record EventType<T>(String name, Class<T> dataClass) {

  /** Checks both parts are present. */
  public EventType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataClass, "dataClass");
  }
}
