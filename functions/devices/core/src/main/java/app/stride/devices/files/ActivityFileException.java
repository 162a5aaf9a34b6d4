package app.stride.devices.files;

import app.stride.devices.domain.ImportFailure;
import java.util.Objects;

/**
 * A file that cannot become activities: carries the {@link ImportFailure} the import reports. The
 * detail is written by the parser and never echoes file content.
 */
public final class ActivityFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureCode failureCode;
  private final transient ImportFailure failure;

  /** A failure with one of the {@link FailureCode}s. */
  public ActivityFileException(FailureCode code, String detail) {
    this(code, detail, null);
  }

  /** A failure with one of the {@link FailureCode}s and the exception that revealed it. */
  public ActivityFileException(FailureCode code, String detail, Throwable cause) {
    super(Objects.requireNonNull(code, "code").code() + ": " + detail, cause);
    this.failureCode = code;
    this.failure = new ImportFailure(code.code(), detail);
  }

  /** The same failure with {@code prefix} before its detail, e.g. {@code archive entry 3: }. */
  public ActivityFileException prefixed(String prefix) {
    return new ActivityFileException(failureCode, prefix + failure.detail(), this);
  }

  /** The failure's code. */
  public FailureCode failureCode() {
    return failureCode;
  }

  /** The failure as an import job reports it. */
  public ImportFailure failure() {
    return failure;
  }

  /** The failure's stable code, e.g. {@code corrupt-file}. */
  public String code() {
    return failure.code();
  }
}
