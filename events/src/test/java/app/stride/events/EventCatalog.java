package app.stride.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schemas under {@code events/schemas/} and the test data under {@code events/testdata/}, and
 * the mapping between them.
 *
 * <p>A test data file {@code <domain>/v<N>/[invalid/]<Type>-<variant>.json} belongs to the schema
 * in {@code <domain>/v<N>/} whose {@code title} is {@code <Type>}; files under {@code invalid/}
 * must fail it, all others must pass.
 */
public final class EventCatalog {

  public static final String SCHEMAS = "events/schemas";
  public static final String TESTDATA = "events/testdata";

  private static final Pattern SAMPLE =
      Pattern.compile(
          "(?<folder>[a-z][a-z0-9-]*/v\\d+)/(?<invalid>invalid/)?(?<type>[A-Z][A-Za-z0-9]*)-[a-z0-9-]+\\.json");
  private static final Pattern SCHEMA =
      Pattern.compile("(?<folder>[a-z][a-z0-9-]*/v\\d+)/[a-z][a-z0-9-]*\\.schema\\.json");

  private EventCatalog() {}

  /** One event schema: its classpath resource, version folder and title. */
  public record SchemaFile(String resource, String folder, String title) {}

  /** One test data file and what the file name says about it. */
  public record Sample(String resource, String folder, String type, boolean valid) {
    @Override
    public String toString() {
      return resource.substring(TESTDATA.length() + 1);
    }
  }

  /** Every schema file. */
  public static List<SchemaFile> schemas() {
    return files(SCHEMAS).stream()
        .map(
            relative -> {
              Matcher m = SCHEMA.matcher(relative);
              if (!m.matches()) {
                throw new IllegalStateException("schema path breaks the layout: " + relative);
              }
              String resource = SCHEMAS + "/" + relative;
              String title = EventSchemas.readTree(resource).path("title").asString();
              return new SchemaFile(resource, m.group("folder"), title);
            })
        .toList();
  }

  /** Every test data file. */
  public static List<Sample> samples() {
    return files(TESTDATA).stream()
        .map(
            relative -> {
              Matcher m = SAMPLE.matcher(relative);
              if (!m.matches()) {
                throw new IllegalStateException("test data path breaks the layout: " + relative);
              }
              return new Sample(
                  TESTDATA + "/" + relative,
                  m.group("folder"),
                  m.group("type"),
                  m.group("invalid") == null);
            })
        .toList();
  }

  /** The schema a sample belongs to, if exactly one matches. */
  public static Optional<SchemaFile> schemaFor(Sample sample, List<SchemaFile> schemas) {
    List<SchemaFile> matches =
        schemas.stream()
            .filter(s -> s.folder().equals(sample.folder()) && s.title().equals(sample.type()))
            .toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private static List<String> files(String root) {
    URL url = EventCatalog.class.getClassLoader().getResource(root);
    if (url == null) {
      throw new IllegalStateException("not on the classpath: " + root);
    }
    try {
      Path dir = Path.of(url.toURI());
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(Files::isRegularFile)
            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
