package dev.catalog.products;

import dev.catalog.products.constraints.CurrencyCode;
import dev.catalog.products.constraints.DecimalPlaces;
import dev.catalog.products.constraints.MaxCodePoints;
import dev.catalog.products.constraints.UniqueElements;
import io.avaje.validation.constraints.DecimalMax;
import io.avaje.validation.constraints.DecimalMin;
import io.avaje.validation.constraints.NotEmpty;
import io.avaje.validation.constraints.NotNull;
import io.avaje.validation.constraints.Pattern;
import io.avaje.validation.constraints.PositiveOrZero;
import io.avaje.validation.constraints.Size;
import io.avaje.validation.constraints.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * A product of the catalog, as stored in the products table and as validated at the edge: the schema is this class.
 * Its attributes are the only ones ever written (nothing unknown is saved); its constraints are checked by
 * avaje-validator's generated adapter; its defaults come from {@link #applyDefaults()}; {@code createdAt},
 * {@code updatedAt}, {@code createdBy}, {@code updatedBy} and {@code version} are managed by the server, the last by the Enhanced Client's optimistic
 * locking. Its text is as {@link ProductJson#read} takes it in: NFC, and names, categories and tags trimmed.
 */
@Valid
@DynamoDbBean
public class Product {
  /** Client-chosen ids (PUT) and server ids (POST) alike: URL-safe, so a path segment never needs escaping. */
  public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

  public static final String DEFAULT_CURRENCY = "USD";

  /** The longest category, in characters (code points); see {@link Category}, the rule of every category given. */
  public static final int CATEGORY_MAX = 64;

  /**
   * Names, categories and tags are one line of text: no control character (general category Cc: C0, DEL and C1,
   * which include NUL, escape, tab, line feed, carriage return and NEL), no line or paragraph separator (U+2028,
   * U+2029), no noncharacter (U+FDD0..U+FDEF and the last two code points of every plane), no lone surrogate (JSON
   * bodies never hold one, the strict parser refuses them; a query parameter is not JSON). One character class, so
   * matching is linear and needs no stack.
   */
  public static final String ONE_LINE =
      "[\\P{IsControl}&&\\P{IsNoncharacter_Code_Point}&&\\P{Cs}&&[^\\u2028\\u2029]]*";

  /** A description may have tabs and line breaks (CR, LF, U+2028, U+2029), but no other control or noncharacter. */
  static final String TEXT = "[\\P{IsControl}\\t\\n\\r&&\\P{IsNoncharacter_Code_Point}]*";

  @NotNull
  @Pattern(regexp = ID_PATTERN, message = "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -")
  private String id;

  // Empty rather than blank: the reader has trimmed White_Space, and Character.isWhitespace would
  // call U+001F blank.
  @NotEmpty(message = "is required")
  @MaxCodePoints(value = 200, message = "must be at most 200 characters")
  @Pattern(regexp = ONE_LINE, message = "must not contain control characters")
  private String name;

  @MaxCodePoints(value = 4000, message = "must be at most 4000 characters")
  @Pattern(
      regexp = TEXT,
      message = "must not contain control characters other than tab and line breaks")
  private String description;

  @NotNull(message = "is required")
  @DecimalMin(value = "0", message = "must be at least 0")
  @DecimalMax(value = "1000000000", message = "must be at most 1000000000")
  @DecimalPlaces(max = 2, message = "must have at most 2 decimal places")
  private BigDecimal price;

  @NotNull @CurrencyCode private String currency;

  @Category private String category;

  @NotNull
  @Size(max = 20, message = "must hold at most 20 tags")
  @UniqueElements
  private List<
          @NotEmpty(message = "must not be blank")
          @MaxCodePoints(value = 32, message = "must be at most 32 characters")
          @Pattern(regexp = ONE_LINE, message = "must not contain control characters") String>
      tags;

  @NotNull
  @PositiveOrZero(message = "must be 0 or more")
  private Integer stock;

  private Instant createdAt;
  private Instant updatedAt;
  private String createdBy;
  private String updatedBy;
  private Long version;
  private String incarnation;

  /** Fills what a client may leave out: currency USD, no tags, nothing in stock. */
  public Product applyDefaults() {
    if (currency == null) {
      currency = DEFAULT_CURRENCY;
    }
    if (tags == null) {
      tags = List.of();
    }
    if (stock == null) {
      stock = 0;
    }
    return this;
  }

  @DynamoDbPartitionKey
  @DynamoDbSecondarySortKey(indexNames = ProductStore.CATEGORY_INDEX)
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = ProductStore.CATEGORY_INDEX)
  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public Integer getStock() {
    return stock;
  }

  public void setStock(Integer stock) {
    this.stock = stock;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  /** Who created the product: a person's {@code sub} or a service's client id; null for older products. */
  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  /** Who wrote the product last, as {@link #getCreatedBy()}. */
  public String getUpdatedBy() {
    return updatedBy;
  }

  public void setUpdatedBy(String updatedBy) {
    this.updatedBy = updatedBy;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /**
   * Server-managed and never shown: a random value given to the product when it is created under its id and kept by
   * every change, so that its entity tag differs from those of a product deleted or re-created under the same id.
   * Null for products created before it existed.
   */
  public String getIncarnation() {
    return incarnation;
  }

  public void setIncarnation(String incarnation) {
    this.incarnation = incarnation;
  }
}
