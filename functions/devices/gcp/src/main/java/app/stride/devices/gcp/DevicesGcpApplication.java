package app.stride.devices.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore;
import app.stride.devices.gcp.adapter.out.gcs.GcsObjectStore;
import app.stride.devices.gcp.adapter.out.pubsub.PubSubWorkQueue;
import app.stride.edge.function.EdgeHttp;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the devices capability on Google Cloud by functional bean registration: configuration read
 * once, one Firestore client shared by the activity and import stores, the bucket, the work and
 * events topics, and the HTTP function {@value DevicesFunctions#NAME}. The outbox relay is not
 * deployed on GCP yet (as for the other capabilities there): events left pending by a failed
 * publish wait in the documents' outbox.
 */
public final class DevicesGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    DevicesGcpConfig config = DevicesGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(Firestore.class, () -> FirestoreClients.create(config.firestore()));
    StrideFunctions.registerHttp(
        context,
        DevicesFunctions.NAME,
        () -> {
          Firestore firestore = context.getBean(Firestore.class);
          FirestoreActivityStore activities =
              new FirestoreActivityStore(firestore, config.region(), clock);
          DevicesFunctions.Ports ports =
              new DevicesFunctions.Ports(
                  activities,
                  activities,
                  new FirestoreImportJobStore(firestore, config.region(), clock),
                  new GcsObjectStore(storage(config), config.bucket().bucket()),
                  new PubSubWorkQueue(config.workTopic()),
                  new PubSubEventPublisher(config.events()));
          return EdgeHttp.around(
              DevicesFunctions.http(
                  ports, env.asMap(), TokenVerifiers.fromEnv(env, clock), config.region(), clock),
              env,
              FunctionMetrics.fromEnv(env));
        });
  }

  private static Storage storage(DevicesGcpConfig config) {
    if (config.inMemoryBucket()) {
      // The local platform only: no Cloud Storage server runs here (docs/devices.md).
      return LocalStorageHelper.getOptions().getService();
    }
    return GcsObjectStore.client(config.bucket());
  }
}
