package app.stride.devices.domain;

import java.util.Objects;

/**
 * Why an import failed, as its status reports it: a stable {@code code} (the problem type's last
 * segment, e.g. {@code corrupt-file}) and a human-readable detail that never echoes file content.
 */
public record ImportFailure(String code, String detail) {
  public ImportFailure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
