package app.stride.bench.devices;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.files.ActivityFiles;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.files.MediaTypes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A heavy user's Apple Health {@code export.zip}, at the scale the upload path admits, through the
 * importer once: does it fit the worker's memory and time (3,072 MB, 540 s)? Not JMH: one run with
 * fixed counts, measured as wall time, MB/s and peak heap, beside a baseline that only inflates the
 * archive and walks every XML event of every entry (the work no importer can skip).
 *
 * <p>The archive is generated into a temporary file, entries in Apple's order ({@code export.xml},
 * then {@code workout-routes/*.gpx}): {@code records} heart-rate {@code Record}s, as an Apple Watch
 * writes them every few seconds, and {@code workouts} daily 1 Hz runs, each with a route file of
 * {@code routePoints} points carrying Apple's extensions (speed, course, accuracies).
 *
 * <p>Arguments: {@code workouts routePoints records [stride|baseline|both]}.
 */
public final class AppleExportScale {
  private static final DateTimeFormatter APPLE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);
  private static final OffsetDateTime FIRST_DAY =
      OffsetDateTime.of(2020, 1, 1, 7, 0, 0, 0, ZoneOffset.ofHours(2));
  private static final String DEVICE =
      "&lt;&lt;HKDevice: 0x2831a2e40&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch,"
          + " hardware:Watch6,2, software:10.4&gt;";

  private AppleExportScale() {}

  public static void main(String[] args) throws Exception {
    int workouts = Integer.parseInt(args[0]);
    int routePoints = Integer.parseInt(args[1]);
    long records = Long.parseLong(args[2]);
    String mode = args.length > 3 ? args[3] : "both";
    Path zip = Files.createTempFile("stride-apple-export-", ".zip");
    try {
      long started = System.nanoTime();
      long inflated = write(zip, workouts, routePoints, records);
      long compressed = Files.size(zip);
      System.out.printf(
          Locale.ROOT,
          "generated %s: %d workouts with %d-point routes, %,d records; %,d bytes zipped, %,d"
              + " inflated, in %.1f s%n",
          zip,
          workouts,
          routePoints,
          records,
          compressed,
          inflated,
          seconds(System.nanoTime() - started));
      System.out.printf(
          Locale.ROOT,
          "RESULT export_zip_mb=%.1f%nRESULT export_inflated_mb=%.1f%n",
          compressed / 1e6,
          inflated / 1e6);
      double baselineSeconds = Double.NaN;
      double strideSeconds = Double.NaN;
      if (!mode.equals("stride")) {
        baselineSeconds = measure("baseline", zip, compressed, inflated, AppleExportScale::walk);
      }
      if (!mode.equals("baseline")) {
        strideSeconds =
            measure(
                "stride",
                zip,
                compressed,
                inflated,
                in -> {
                  List<ActivityData> activities =
                      ActivityFiles.parse(MediaTypes.ZIP, in, ImportLimits.UPLOADED);
                  long samples = activities.stream().mapToLong(a -> a.samples().size()).sum();
                  System.out.printf(
                      Locale.ROOT,
                      "  stride: %d activities, %,d samples held%n",
                      activities.size(),
                      samples);
                  if (activities.size() != workouts || samples != (long) workouts * routePoints) {
                    throw new IllegalStateException("the import lost workouts or samples");
                  }
                });
      }
      if (!Double.isNaN(baselineSeconds) && !Double.isNaN(strideSeconds)) {
        System.out.printf(
            Locale.ROOT,
            "RESULT apple_export_vs_bare_walk_time_ratio=%.2f%n",
            strideSeconds / baselineSeconds);
      }
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  @FunctionalInterface
  private interface Reading {
    void read(InputStream in) throws Exception;
  }

  private static double measure(
      String name, Path zip, long compressed, long inflated, Reading reading) throws Exception {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    long started = System.nanoTime();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(zip), 1 << 16)) {
      reading.read(in);
    }
    double secs = seconds(System.nanoTime() - started);
    long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(
        Locale.ROOT,
        "  %s: %.1f s, %.1f MB/s zipped, %.1f MB/s inflated, peak heap %,d MB (sum of pool"
            + " peaks; max heap %,d MB)%n",
        name,
        secs,
        compressed / 1e6 / secs,
        inflated / 1e6 / secs,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "RESULT %s_seconds=%.1f%nRESULT %s_peak_heap_mb=%d%n",
        name,
        secs,
        name,
        peak >> 20);
    return secs;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }

  /** The baseline: inflate every entry and walk every XML event, building nothing. */
  private static void walk(InputStream in) throws IOException, XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    long events = 0;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        XMLStreamReader xml = factory.createXMLStreamReader(new KeepOpen(zip));
        while (xml.hasNext()) {
          xml.next();
          events++;
        }
        xml.close();
      }
    }
    System.out.printf(Locale.ROOT, "  baseline: %,d XML events%n", events);
  }

  private static long write(Path zip, int workouts, int routePoints, long records)
      throws IOException {
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Counting counted = new Counting(out);
      Writer xml = new OutputStreamWriter(counted, StandardCharsets.UTF_8);
      out.putNextEntry(new ZipEntry("apple_health_export/export.xml"));
      exportXml(xml, workouts, records);
      xml.flush();
      out.closeEntry();
      for (int w = 0; w < workouts; w++) {
        out.putNextEntry(new ZipEntry("apple_health_export/workout-routes/" + routeName(w)));
        route(xml, w, routePoints);
        xml.flush();
        out.closeEntry();
      }
      return counted.count;
    }
  }

  private static void exportXml(Writer x, int workouts, long records) throws IOException {
    x.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n");
    x.write("<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n");
    x.write("<!ATTLIST HealthData locale CDATA #REQUIRED>\n");
    x.write("<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute)*)>\n]>\n");
    x.write("<HealthData locale=\"en_GB\">\n");
    x.write(" <ExportDate value=\"2025-06-01 10:00:00 +0200\"/>\n");
    x.write(" <Me HKCharacteristicTypeIdentifierBiologicalSex=\"HKBiologicalSexNotSet\"/>\n");
    for (long r = 0; r < records; r++) {
      String at = APPLE_TIME.format(FIRST_DAY.plusSeconds(r * 5));
      x.write(" <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"Alex’s Apple");
      x.write(" Watch\" sourceVersion=\"10.4\" device=\"" + DEVICE + "\" unit=\"count/min\"");
      x.write(" creationDate=\"" + at + "\" startDate=\"" + at + "\" endDate=\"" + at + "\"");
      x.write(" value=\"" + (60 + r % 100) + "\">\n  <MetadataEntry");
      x.write(" key=\"HKMetadataKeyHeartRateMotionContext\" value=\"0\"/>\n </Record>\n");
    }
    for (int w = 0; w < workouts; w++) {
      OffsetDateTime start = FIRST_DAY.plusDays(w);
      x.write(" <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"45\"");
      x.write(" durationUnit=\"min\" sourceName=\"Alex’s Apple Watch\" sourceVersion=\"10.4\"");
      x.write(" device=\"" + DEVICE + "\" creationDate=\"" + APPLE_TIME.format(start) + "\"");
      x.write(" startDate=\"" + APPLE_TIME.format(start) + "\"");
      x.write(" endDate=\"" + APPLE_TIME.format(start.plusMinutes(45)) + "\">\n");
      x.write("  <MetadataEntry key=\"HKElevationAscended\" value=\"4520 cm\"/>\n");
      x.write("  <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\"");
      x.write(" startDate=\"" + APPLE_TIME.format(start) + "\" sum=\"8.1\" unit=\"km\"/>\n");
      x.write("  <WorkoutRoute sourceName=\"Alex’s Apple Watch\">\n   <FileReference path=");
      x.write("\"/workout-routes/" + routeName(w) + "\"/>\n  </WorkoutRoute>\n </Workout>\n");
    }
    x.write("</HealthData>\n");
  }

  private static void route(Writer x, int workout, int points) throws IOException {
    OffsetDateTime start = FIRST_DAY.plusDays(workout);
    x.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"Apple");
    x.write(" Health Export\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n <metadata><time>");
    x.write(start.toInstant() + "</time></metadata>\n <trk><name>Route</name><trkseg>\n");
    for (int p = 0; p < points; p++) {
      double lat = 52.5 + p * 0.00002;
      double lon = 13.4 + p * 0.00002;
      x.write(
          String.format(
              Locale.ROOT,
              "  <trkpt lon=\"%.6f\" lat=\"%.6f\"><ele>%.2f</ele><time>%s</time><extensions>"
                  + "<speed>3.01</speed><course>45.0</course><hAcc>2.1</hAcc><vAcc>1.6</vAcc>"
                  + "</extensions></trkpt>%n",
              lon,
              lat,
              34.0 + (p % 60) * 0.1,
              start.toInstant().plus(Duration.ofSeconds(p))));
    }
    x.write(" </trkseg></trk>\n</gpx>\n");
  }

  private static String routeName(int workout) {
    return "route_" + FIRST_DAY.plusDays(workout).toLocalDate() + "_7.00am.gpx";
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Counts the bytes written into the current entry, i.e. inflated. */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Keeps the zip stream open when an entry's XML reader closes. */
  private static final class KeepOpen extends java.io.FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
