package app.stride.devices.aws.adapter.out.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3ObjectStore#deleteUnder} when S3 answers a DeleteObjects with per-key errors (a key it
 * did not delete, e.g. denied by a bucket policy): s3proxy's in-memory store never produces one, so
 * a WireMock stand-in speaks S3's REST API (ListObjectsV2 and DeleteObjects XML) here, through the
 * client the function builds for a local endpoint.
 */
class S3DeleteObjectsErrorsIT {
  private static final String BUCKET = "stride-devices-eu";

  private WireMockServer s3;
  private S3Client client;

  @BeforeEach
  void start() {
    s3 = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    s3.start();
    client =
        S3ObjectStore.client(
            new S3Settings(
                Region.EU_CENTRAL_1,
                BUCKET,
                Optional.of(URI.create(s3.baseUrl())),
                Optional.empty()));
  }

  @AfterEach
  void stop() {
    client.close();
    s3.stop();
  }

  @Test
  void aKeyS3ReportsNotDeleted_failsTheCall_asStoreUnavailable_namingIt() {
    s3.stubFor(
        get(urlPathEqualTo("/" + BUCKET))
            .willReturn(
                xml(
                    "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Name>"
                        + BUCKET
                        + "</Name><Prefix>samples/usr_1/</Prefix><KeyCount>2</KeyCount>"
                        + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                        + "<Contents><Key>samples/usr_1/a_1</Key><Size>1</Size></Contents>"
                        + "<Contents><Key>samples/usr_1/a_2</Key><Size>1</Size></Contents>"
                        + "</ListBucketResult>")));
    s3.stubFor(
        post(urlPathEqualTo("/" + BUCKET))
            .willReturn(
                xml(
                    "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Error><Key>samples/usr_1/a_2</Key><Code>AccessDenied</Code>"
                        + "<Message>Access Denied</Message></Error></DeleteResult>")));
    S3ObjectStore store = new S3ObjectStore(client, BUCKET, Optional.empty());

    assertThatThrownBy(() -> store.deleteUnder("samples/usr_1/"))
        .isInstanceOf(StoreUnavailableException.class)
        .cause()
        .hasMessageContaining("1 of 2 objects not deleted")
        .hasMessageContaining("samples/usr_1/a_2")
        .hasMessageContaining("AccessDenied");
    s3.verify(
        1,
        postRequestedFor(urlPathEqualTo("/" + BUCKET))
            .withQueryParam("delete", matching(".*"))
            .withHeader("Content-MD5", matching(".+"))
            .withoutHeader("x-amz-checksum-crc32"));
    assertThat(s3.findAll(postRequestedFor(urlPathEqualTo("/" + BUCKET))).get(0).getBodyAsString())
        .contains(
            "<Key>samples/usr_1/a_1</Key>", "<Key>samples/usr_1/a_2</Key>", "<Quiet>true</Quiet>");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
  }
}
