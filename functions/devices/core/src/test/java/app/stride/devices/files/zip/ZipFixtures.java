package app.stride.devices.files.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives built in tests, entries in insertion order. */
public final class ZipFixtures {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  private ZipFixtures() {}

  public static ZipFixtures aZip() {
    return new ZipFixtures();
  }

  public ZipFixtures entry(String name, byte[] content) {
    entries.put(name, content);
    return this;
  }

  public ZipFixtures entry(String name, String content) {
    return entry(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** The archive's bytes. */
  public byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An Apple Health export.xml with the given Workout elements (and the export's usual DTD). */
  public static String appleExport(String... workouts) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 14 -->\n");
    x.append("<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n");
    x.append("<!ATTLIST HealthData locale CDATA #REQUIRED>\n");
    x.append("<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute)*)>\n]>\n");
    x.append("<HealthData locale=\"en_GB\">\n<ExportDate value=\"2024-05-02 10:00:00 +0200\"/>\n");
    x.append("<Me HKCharacteristicTypeIdentifierBiologicalSex=\"HKBiologicalSexNotSet\"/>\n");
    x.append(
        "<Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\"Phone\" unit=\"count\""
            + " startDate=\"2024-05-01 08:00:00 +0200\" endDate=\"2024-05-01 08:01:00 +0200\""
            + " value=\"90\"/>\n");
    for (String w : workouts) {
      x.append(w).append('\n');
    }
    x.append("</HealthData>\n");
    return x.toString();
  }
}
