package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A document of {@value #COLLECTION} (id = the region id): a region's signing key ring in its
 * stored form, <b>private keys included</b>. Never log it; {@link #toString()} leaves the ring out.
 *
 * @param region the region id
 * @param version the ring's version, the optimistic version of the document
 * @param ring the ring's stored form ({@code KeyRing.toJson()})
 */
public record KeyRingDocument(String region, long version, String ring) {
  /** The collection of key rings. */
  public static final String COLLECTION = "authKeyRings";

  static final String REGION = "region";
  static final String VERSION = "version";
  static final String RING = "ring";

  public KeyRingDocument {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(ring, "ring");
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(REGION, region);
    fields.put(VERSION, version);
    fields.put(RING, ring);
    return fields;
  }

  /** The document a snapshot holds. */
  public static KeyRingDocument fromSnapshot(DocumentSnapshot snapshot) {
    Long version = snapshot.getLong(VERSION);
    return new KeyRingDocument(
        snapshot.getString(REGION), version == null ? 0 : version, snapshot.getString(RING));
  }

  @Override
  public String toString() {
    return "KeyRingDocument[region=" + region + ", version=" + version + ", ring=<secret>]";
  }
}
