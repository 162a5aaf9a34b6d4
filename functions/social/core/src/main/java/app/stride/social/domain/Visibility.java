package app.stride.social.domain;

/** Who finds and enters a group: public groups are searchable and open; private ones are not. */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
