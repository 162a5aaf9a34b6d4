package app.stride.auth.aws.adapter.out.dynamodb;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An account ({@code pk = ACCOUNT#<userId>}): every field of the domain {@code Account}, flat. No
 * TTL: an account lives until it is deleted. {@code version} is the domain version, checked by an
 * explicit condition on every write.
 *
 * <p>While a deletion is in progress the item at this key is a {@link TombstoneItem} with {@code
 * deleting = true} and no personal field; readers see {@code deleting} and treat the account as
 * absent.
 */
@DynamoDbBean
public class AccountItem {
  private String pk;
  private String userId;
  private String home;
  private String email;
  private Boolean emailVerified;
  private String passwordHash;
  private String locale;
  private String totpSecret;
  private String pendingTotpSecret;
  private Long totpLastUsedStep;
  private List<String> recoveryCodeHashes;
  private List<SocialLinkItem> socialLinks;
  private Instant sessionsValidAfter;
  private Instant createdAt;
  private Long version;
  private Boolean deleting;

  public AccountItem() {}

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public String getHome() {
    return home;
  }

  public void setHome(String home) {
    this.home = home;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Boolean getEmailVerified() {
    return emailVerified;
  }

  public void setEmailVerified(Boolean emailVerified) {
    this.emailVerified = emailVerified;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getTotpSecret() {
    return totpSecret;
  }

  public void setTotpSecret(String totpSecret) {
    this.totpSecret = totpSecret;
  }

  public String getPendingTotpSecret() {
    return pendingTotpSecret;
  }

  public void setPendingTotpSecret(String pendingTotpSecret) {
    this.pendingTotpSecret = pendingTotpSecret;
  }

  public Long getTotpLastUsedStep() {
    return totpLastUsedStep;
  }

  public void setTotpLastUsedStep(Long totpLastUsedStep) {
    this.totpLastUsedStep = totpLastUsedStep;
  }

  public List<String> getRecoveryCodeHashes() {
    return recoveryCodeHashes;
  }

  public void setRecoveryCodeHashes(List<String> recoveryCodeHashes) {
    this.recoveryCodeHashes = recoveryCodeHashes;
  }

  public List<SocialLinkItem> getSocialLinks() {
    return socialLinks;
  }

  public void setSocialLinks(List<SocialLinkItem> socialLinks) {
    this.socialLinks = socialLinks;
  }

  public Instant getSessionsValidAfter() {
    return sessionsValidAfter;
  }

  public void setSessionsValidAfter(Instant sessionsValidAfter) {
    this.sessionsValidAfter = sessionsValidAfter;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public Boolean getDeleting() {
    return deleting;
  }

  public void setDeleting(Boolean deleting) {
    this.deleting = deleting;
  }
}
