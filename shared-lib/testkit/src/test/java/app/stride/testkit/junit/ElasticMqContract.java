package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.server.ElasticMqServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Run by two IT classes: each finds no queue (a server per class), then uses the same queue. */
abstract class ElasticMqContract {

  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  @Test
  void freshServerPerClass_queueHasRealLookingUrlAndArn_andDeliversAMessage() {
    try (SqsClient sqs = AwsTestClients.sqs(SQS.endpoint(), SQS.region())) {
      assertThat(sqs.listQueues().queueUrls()).isEmpty();

      String url = sqs.createQueue(create -> create.queueName("orders")).queueUrl();
      String arn =
          sqs.getQueueAttributes(
                  get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      sqs.sendMessage(send -> send.queueUrl(url).messageBody("from " + getClass().getSimpleName()));
      List<Message> received =
          sqs.receiveMessage(receive -> receive.queueUrl(url).waitTimeSeconds(2)).messages();

      assertThat(url).isEqualTo(SQS.queueUrl("orders")).endsWith("/000000000000/orders");
      assertThat(arn)
          .isEqualTo("arn:aws:sqs:" + ElasticMqServer.DEFAULT_REGION + ":000000000000:orders");
      assertThat(received)
          .extracting(Message::body)
          .containsExactly("from " + getClass().getSimpleName());
    }
  }
}
