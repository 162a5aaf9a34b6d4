package app.stride.core.region;

import app.stride.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The regions Stride runs in, read from configuration. Adding a region is a configuration change:
 * an entry in {@code regions.json} (or the file named by {@code STRIDE_REGIONS_FILE}) plus one
 * infrastructure stack.
 */
public final class RegionCatalog {
  /** The classpath resource holding the default region list. */
  public static final String DEFAULT_RESOURCE = "/app/stride/core/region/regions.json";

  private final Map<RegionId, Region> regions;

  private RegionCatalog(List<Region> regions) {
    Map<RegionId, Region> byId = new LinkedHashMap<>();
    for (Region region : regions) {
      if (byId.put(region.id(), region) != null) {
        throw new IllegalArgumentException("duplicate region " + region.id());
      }
    }
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("no regions configured");
    }
    this.regions = Collections.unmodifiableMap(byId);
  }

  /** A catalog of the given regions. */
  public static RegionCatalog of(List<Region> regions) {
    return new RegionCatalog(regions);
  }

  /**
   * The configured catalog: the file named by the {@code STRIDE_REGIONS_FILE} environment variable
   * when set, else the bundled default.
   */
  public static RegionCatalog fromEnvironment(Map<String, String> env) {
    String file = env.get("STRIDE_REGIONS_FILE");
    if (file != null && !file.isBlank()) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        return parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read regions file " + file, e);
      }
    }
    return bundled();
  }

  /** The bundled default catalog: {@code eu}, {@code us} on AWS and {@code apac} on GCP. */
  public static RegionCatalog bundled() {
    try (InputStream in = RegionCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RegionCatalog parse(InputStream json) {
    JsonNode root = Json.mapper().readTree(json);
    List<Region> regions = new ArrayList<>();
    for (JsonNode node : root.path("regions")) {
      regions.add(
          new Region(
              RegionId.of(node.path("id").asString()),
              Cloud.valueOf(node.path("cloud").asString().toUpperCase(Locale.ROOT)),
              node.path("cloudRegion").asString(),
              StoreKind.valueOf(node.path("store").asString().toUpperCase(Locale.ROOT))));
    }
    return new RegionCatalog(regions);
  }

  /** All regions, in configuration order. */
  public List<Region> all() {
    return List.copyOf(regions.values());
  }

  /** The region with this id, if configured. */
  public Optional<Region> find(RegionId id) {
    return Optional.ofNullable(regions.get(id));
  }

  /** The region with this id; fails when it is not configured. */
  public Region require(RegionId id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown region " + id));
  }
}
