package app.stride.auth.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A social link inside an {@link AccountItem}. */
@DynamoDbBean
public class SocialLinkItem {
  private String provider;
  private String subject;

  public SocialLinkItem() {}

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }
}
