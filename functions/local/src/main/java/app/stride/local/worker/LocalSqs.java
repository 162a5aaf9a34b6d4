package app.stride.local.worker;

import app.stride.testkit.server.ElasticMqServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A client of the platform's ElasticMQ, with the local credentials it accepts. */
public final class LocalSqs {
  private LocalSqs() {}

  /** A new client of {@code sqs}; the caller closes it. */
  public static SqsClient client(ElasticMqServer sqs) {
    return SqsClient.builder()
        .endpointOverride(sqs.endpoint())
        .region(Region.of(sqs.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
