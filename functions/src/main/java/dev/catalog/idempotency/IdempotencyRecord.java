package dev.catalog.idempotency;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The first result of a request sent with an {@code Idempotency-Key}: what a retry by the same caller with the same
 * key gets back, and the fingerprint of the body that produced it, so the same key with another body can be refused.
 */
@DynamoDbBean
public class IdempotencyRecord {
  private String idempotencyKey;
  private String caller;
  private String requestHash;
  private Integer status;
  private String location;
  private String etag;
  private String lastModified;
  private String body;
  private Long expiresAt;

  @DynamoDbPartitionKey
  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * Whose key it is: the principal that sent the first request (a person's {@code sub}, a service's client id); null
   * in records written before keys were scoped by caller, which are never replayed.
   */
  public String getCaller() {
    return caller;
  }

  public void setCaller(String caller) {
    this.caller = caller;
  }

  /**
   * The body's fingerprint: {@code json-sha256:} and the SHA-256 of its canonical JSON text, or, in records written
   * before bodies were compared as JSON values, the bare SHA-256 of its bytes.
   */
  public String getRequestHash() {
    return requestHash;
  }

  public void setRequestHash(String requestHash) {
    this.requestHash = requestHash;
  }

  public Integer getStatus() {
    return status;
  }

  public void setStatus(Integer status) {
    this.status = status;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getEtag() {
    return etag;
  }

  public void setEtag(String etag) {
    this.etag = etag;
  }

  /** The response's Last-Modified; null in records written before responses carried it. */
  public String getLastModified() {
    return lastModified;
  }

  public void setLastModified(String lastModified) {
    this.lastModified = lastModified;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  /** Epoch seconds after which the record no longer counts; DynamoDB's TTL deletes it some time later. */
  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}
