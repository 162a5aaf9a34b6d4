package app.stride.planner.adapter.out.library;

import app.stride.core.json.Json;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.domain.Intensity;
import app.stride.planner.domain.Level;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.PlanWeek;
import app.stride.planner.domain.SessionType;
import app.stride.planner.domain.Sport;
import app.stride.planner.domain.TemplateSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The library of plan templates on the classpath: {@value #INDEX} names every template file ({@code
 * <planId>.v<version>.json}), old versions included, since a started plan keeps the version it
 * started with. A file that breaks a template rule fails the load with its name.
 */
public final class ClasspathPlanLibrary implements PlanLibraryPort {
  /** The index of template files. */
  public static final String INDEX = "planner/plans/index.json";

  private final Map<PlanId, Map<Integer, PlanTemplate>> versions;
  private final List<PlanTemplate> latest;

  private ClasspathPlanLibrary(List<PlanTemplate> templates) {
    Map<PlanId, Map<Integer, PlanTemplate>> byId = new LinkedHashMap<>();
    for (PlanTemplate t : templates) {
      if (byId.computeIfAbsent(t.id(), id -> new LinkedHashMap<>()).put(t.version(), t) != null) {
        throw new IllegalStateException("two templates of " + t.id() + " v" + t.version());
      }
    }
    this.versions = byId;
    this.latest =
        byId.values().stream()
            .map(
                v ->
                    v.values().stream()
                        .max((a, b) -> Integer.compare(a.version(), b.version()))
                        .orElseThrow())
            .toList();
  }

  /** Loads every template the index names. */
  public static ClasspathPlanLibrary load() {
    JsonNode index = read(INDEX);
    List<PlanTemplate> templates = new ArrayList<>();
    for (JsonNode file : index.path("templates")) {
      String name = "planner/plans/" + file.asString();
      try {
        templates.add(template(read(name)));
      } catch (RuntimeException e) {
        throw new IllegalStateException("plan template " + name + ": " + e.getMessage(), e);
      }
    }
    return new ClasspathPlanLibrary(templates);
  }

  @Override
  public List<PlanTemplate> latest() {
    return latest;
  }

  @Override
  public Optional<PlanTemplate> latest(PlanId id) {
    return latest.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  @Override
  public Optional<PlanTemplate> find(PlanId id, int version) {
    return Optional.ofNullable(versions.getOrDefault(id, Map.of()).get(version));
  }

  static PlanTemplate template(JsonNode node) {
    List<PlanWeek> weeks = new ArrayList<>();
    for (JsonNode week : node.path("weeks")) {
      List<TemplateSession> sessions = new ArrayList<>();
      for (JsonNode s : week.path("sessions")) {
        sessions.add(session(s));
      }
      weeks.add(new PlanWeek(required(week, "focusKey"), sessions));
    }
    return new PlanTemplate(
        new PlanId(required(node, "id")),
        node.path("version").asInt(0),
        Sport.fromWire(required(node, "sport"))
            .orElseThrow(() -> new IllegalArgumentException("unknown sport")),
        Level.fromWire(required(node, "level")),
        required(node, "titleKey"),
        required(node, "descriptionKey"),
        optionalInt(node, "raceDistanceMeters"),
        weeks);
  }

  private static TemplateSession session(JsonNode s) {
    JsonNode intensity = s.path("intensity");
    return new TemplateSession(
        SessionType.fromWire(required(s, "type")),
        optionalInt(s, "durationMinutes"),
        optionalInt(s, "distanceMeters"),
        new Intensity(
            Intensity.Scale.fromWire(required(intensity, "scale")),
            intensity.path("min").asInt(0),
            intensity.path("max").asInt(0)),
        required(s, "descriptionKey"),
        s.path("optional").asBoolean(false));
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value.asString();
  }

  private static Integer optionalInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asInt();
  }

  private static JsonNode read(String resource) {
    try (InputStream in =
        ClasspathPlanLibrary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
