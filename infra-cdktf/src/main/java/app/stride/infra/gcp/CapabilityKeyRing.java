package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.kms_crypto_key.KmsCryptoKey;
import com.hashicorp.cdktf.providers.google.kms_crypto_key_iam_member.KmsCryptoKeyIamMember;
import com.hashicorp.cdktf.providers.google.kms_key_ring.KmsKeyRing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A capability's Cloud KMS key ring {@code stride-<capability>-<regionId>} in the region's location
 * and its symmetric keys (e.g. {@code objects} for its bucket, {@code tokens} for envelope
 * encryption), each rotated every {@value #ROTATION_PERIOD}. Who may use a key is bound on the key
 * itself ({@link #grantUse}), never on the project. Key rings cannot be deleted in Cloud KMS: a
 * removed stack leaves the ring (and destroyed key versions) behind.
 */
public final class CapabilityKeyRing extends Construct {

  /** 90 days. */
  public static final String ROTATION_PERIOD = "7776000s";

  /** Encrypting and decrypting with a key, nothing else. */
  public static final String USE_ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

  private final Map<String, KmsCryptoKey> keys = new LinkedHashMap<>();

  /** Creates the ring of {@code capability} with one key per name in {@code keyNames}. */
  public CapabilityKeyRing(
      Construct scope, String id, RegionConfig region, String capability, List<String> keyNames) {
    super(scope, id);
    KmsKeyRing ring =
        KmsKeyRing.Builder.create(this, "ring")
            .project(region.gcpProject())
            .name(region.functionName(capability))
            .location(region.location())
            .build();
    for (String name : keyNames) {
      keys.put(
          name,
          KmsCryptoKey.Builder.create(this, name)
              .name(name)
              .keyRing(ring.getId())
              .purpose("ENCRYPT_DECRYPT")
              .rotationPeriod(ROTATION_PERIOD)
              .build());
    }
  }

  /** The id ({@code projects/.../cryptoKeys/<name>}) of the key {@code name}. */
  public String keyId(String name) {
    return Optional.ofNullable(keys.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no key " + name))
        .getId();
  }

  /** Lets {@code member} encrypt and decrypt with the key {@code name} (construct {@code id}). */
  public KmsCryptoKeyIamMember grantUse(Construct scope, String id, String name, String member) {
    return KmsCryptoKeyIamMember.Builder.create(scope, id)
        .cryptoKeyId(keyId(name))
        .role(USE_ROLE)
        .member(member)
        .build();
  }
}
