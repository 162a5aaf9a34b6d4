package app.stride.profiles.domain;

/** Sex as the user chooses to state it; used only for physiological estimates. */
public enum Sex {
  FEMALE,
  MALE,
  OTHER,
  UNDISCLOSED
}
