package app.stride.profiles.application.port.out;

/** A region's profile store: what each cloud module implements in one adapter. */
public interface ProfileStore extends LoadProfilePort, SaveProfilePort, ProfileOutboxPort {}
