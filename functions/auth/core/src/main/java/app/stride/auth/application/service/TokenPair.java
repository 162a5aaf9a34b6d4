package app.stride.auth.application.service;

import app.stride.core.region.RegionId;

/**
 * What a successful sign-in or refresh hands the client.
 *
 * @param accessToken the ES256 access token
 * @param expiresInSeconds the access token's lifetime
 * @param refreshToken the opaque refresh token ({@code <region>.<secret>})
 * @param homeRegion the account's home region
 */
public record TokenPair(
    String accessToken, long expiresInSeconds, String refreshToken, RegionId homeRegion) {}
