package dev.catalog.products;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.HttpError.FieldError;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.MergePatch;
import dev.catalog.kernel.Validation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a {@link Product}. Reading is strict: every member must be a field a client may write, of the
 * right JSON type (no "12" for a number, no 1.5 for an integer); server-managed fields are ignored; text is taken in
 * as {@link Text} says (NFC, one-line fields trimmed); then the model's constraints run. All problems are reported
 * together in one 400.
 */
public final class ProductJson {
  /** Fields the server owns: a client may send them back (e.g. a fetched product, edited) but they are ignored. */
  static final Set<String> SERVER_MANAGED =
      Set.of("id", "createdAt", "updatedAt", "createdBy", "updatedBy", "version");

  /** The fields a client writes. */
  static final Set<String> WRITABLE =
      Set.of("name", "description", "price", "currency", "category", "tags", "stock");

  /** RFC 3339 in UTC with exactly three fraction digits, so every timestamp has the same width. */
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ProductJson() {}

  /** Reads and validates the client-writable fields of {@code json} into a new product with defaults applied. */
  public static Product read(ObjectNode json) {
    return read(json, (String) null);
  }

  /**
   * As {@link #read(ObjectNode)}, for a document sent to {@code /products/{pathId}}: an {@code id} in it is optional,
   * but if given it must be {@code pathId}.
   */
  public static Product read(ObjectNode json, String pathId) {
    List<FieldError> errors = new ArrayList<>();
    requireId(json, pathId, errors);
    return readWith(json, errors);
  }

  /**
   * Applies a JSON Merge Patch to {@code current}'s writable fields and reads the result as a whole. A member of the
   * patch that is not a field is an error whatever its value: merged, a null one would vanish without a word.
   */
  public static Product patch(Product current, ObjectNode patch, String pathId) {
    List<FieldError> errors = new ArrayList<>();
    requireId(patch, pathId, errors);
    ObjectNode known = Json.newObject();
    for (var member : patch.properties()) {
      if (isField(member.getKey())) {
        known.set(member.getKey(), member.getValue().deepCopy());
      } else {
        errors.add(unknown(member.getKey()));
      }
    }
    return readWith(MergePatch.apply(writable(current), known), errors);
  }

  /**
   * A merge patch read without the product it will be applied to: the values of the fields it sets, normalized and
   * validated, and the names of the writable fields it names ({@code description} set to null means removed; a
   * defaulted field set to null takes its default; a required one is an error). Every constraint of {@link Product}
   * is on one field alone, so a field's value and its errors do not depend on the other fields: the patch is merged
   * into a valid stand-in ({@link #STAND_IN}) and read as a whole, which gives exactly the errors and the values of
   * {@link #patch} applied to any stored product (ProductJsonPatchPropertiesTest holds the two equal). A rule that
   * judged one field by another (a price's decimal places by the stored currency, say) would break that, and belong
   * in the write's condition instead.
   */
  static Patch patchOf(ObjectNode patch, String pathId) {
    List<FieldError> errors = new ArrayList<>();
    requireId(patch, pathId, errors);
    ObjectNode known = Json.newObject();
    Set<String> fields = new java.util.TreeSet<>();
    for (var member : patch.properties()) {
      if (WRITABLE.contains(member.getKey())) {
        fields.add(member.getKey());
        known.set(member.getKey(), member.getValue().deepCopy());
      } else if (!SERVER_MANAGED.contains(member.getKey())) {
        errors.add(unknown(member.getKey()));
      }
    }
    return new Patch(
        readWith(MergePatch.apply(writable(STAND_IN), known), errors), Set.copyOf(fields));
  }

  /** What {@link #patchOf} read: the patched fields' values in {@code values}, and the fields the patch names. */
  record Patch(Product values, Set<String> fields) {}

  /** A valid product with every writable field, into which {@link #patchOf} merges a patch to read it. */
  private static final Product STAND_IN = standIn();

  private static Product standIn() {
    Product product = new Product();
    product.setName("stand-in");
    product.setDescription("stand-in");
    product.setPrice(java.math.BigDecimal.ONE);
    product.setCategory("stand-in");
    return product.applyDefaults();
  }

  /** Reads {@code json}, adding its problems to the {@code errors} found so far; throws if there are any. */
  private static Product readWith(ObjectNode json, List<FieldError> errors) {
    Product product = new Product();
    for (var member : json.properties()) {
      String field = member.getKey();
      JsonNode value = member.getValue();
      if (!isField(field)) {
        errors.add(
            unknown(
                field)); // whatever its value: an unknown member set to null is no less a mistake
        continue;
      }
      if (SERVER_MANAGED.contains(field) || value.isNull()) {
        continue; // null means "not given": the field's default applies, and required ones are
        // reported below
      }
      switch (field) {
        case "name" -> product.setName(text(field, value, errors, true));
        case "description" -> product.setDescription(text(field, value, errors, false));
        case "currency" -> product.setCurrency(text(field, value, errors, false));
        case "category" -> product.setCategory(text(field, value, errors, true));
        case "price" -> {
          if (value.isNumber()) {
            product.setPrice(value.decimalValue());
          } else {
            errors.add(new FieldError(field, "must be a JSON number, not " + Json.describe(value)));
          }
        }
        case "stock" -> {
          if (value.isIntegralNumber() && value.canConvertToInt()) {
            product.setStock(value.intValue());
          } else {
            errors.add(
                new FieldError(
                    field, "must be a whole number up to 2147483647, not " + describe(value)));
          }
        }
        case "tags" -> product.setTags(tags(value, errors));
        default -> throw new IllegalStateException("A writable field without a reader: " + field);
      }
    }
    product.applyDefaults();
    // A field already reported (a wrong JSON type) is not reported again by the constraints; its
    // siblings are.
    Set<String> reported = Set.copyOf(errors.stream().map(FieldError::field).toList());
    for (FieldError violation : Validation.check(product)) {
      String field = violation.field();
      if (!reported.contains(field) && !reported.contains(root(field)) && !field.equals("id")) {
        errors.add(violation);
      }
    }
    if (!errors.isEmpty()) {
      throw HttpError.validation(errors);
    }
    // Without trailing zeros, as DynamoDB keeps numbers, so a write's response shows what later
    // reads return. Only
    // now: on an unvalidated value such as 100e2147483647 the scale would overflow.
    product.setPrice(product.getPrice().stripTrailingZeros());
    return product;
  }

  private static void requireId(ObjectNode json, String pathId, List<FieldError> errors) {
    JsonNode id = json.get("id");
    if (pathId != null
        && id != null
        && !id.isNull()
        && !(id.isTextual() && id.textValue().equals(pathId))) {
      errors.add(new FieldError("id", "must be the id in the path, " + pathId));
    }
  }

  /** A member a product document may hold: a field a client writes, or one the server manages. */
  private static boolean isField(String name) {
    return WRITABLE.contains(name) || SERVER_MANAGED.contains(name);
  }

  private static FieldError unknown(String field) {
    return new FieldError(field, "is not a field of a product");
  }

  /** Text is taken in as {@link Text} says: NFC, and one-line fields trimmed of White_Space. */
  private static String text(
      String field, JsonNode value, List<FieldError> errors, boolean oneLine) {
    if (!value.isTextual()) {
      errors.add(new FieldError(field, "must be a string, not " + Json.describe(value)));
      return null;
    }
    return oneLine ? Text.trimmed(value.textValue()) : Text.normalized(value.textValue());
  }

  private static List<String> tags(JsonNode value, List<FieldError> errors) {
    if (!value.isArray()) {
      errors.add(
          new FieldError("tags", "must be an array of strings, not " + Json.describe(value)));
      return null;
    }
    List<String> tags = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode tag = value.get(i);
      if (tag.isTextual()) {
        tags.add(Text.trimmed(tag.textValue()));
      } else {
        errors.add(
            new FieldError("tags[" + i + "]", "must be a string, not " + Json.describe(tag)));
        tags.add(
            null); // holds the place, so the constraints name the tags after it by their own index
      }
    }
    return tags;
  }

  /**
   * A too-large integer is quoted as sent; any other number is described, since Jackson has already dropped its
   * trailing zeros and "not 1" would answer a client who sent 1.0.
   */
  private static String describe(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    return value.isNumber() ? "a number with a fraction or an exponent" : Json.describe(value);
  }

  /** {@code tags[3]} belongs to {@code tags}. */
  private static String root(String field) {
    int bracket = field.indexOf('[');
    return bracket < 0 ? field : field.substring(0, bracket);
  }

  /** The client-writable fields as a JSON object: the document a merge patch applies to. */
  public static ObjectNode writable(Product product) {
    ObjectNode json = Json.newObject();
    json.put("name", product.getName());
    if (product.getDescription() != null) {
      json.put("description", product.getDescription());
    }
    json.put("price", product.getPrice());
    json.put("currency", product.getCurrency());
    json.put("category", product.getCategory());
    ArrayNode tags = json.putArray("tags");
    product.getTags().forEach(tags::add);
    json.put("stock", product.getStock());
    return json;
  }

  /** The product as the API returns it. */
  public static String write(Product product) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = Json.generator(out)) {
      write(product, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes the product as the API returns it, as a value of {@code json} (a member's or an array element's). */
  public static void write(Product product, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", product.getId());
    json.writeStringField("name", product.getName());
    if (product.getDescription() != null) {
      json.writeStringField("description", product.getDescription());
    }
    json.writeNumberField("price", product.getPrice());
    json.writeStringField("currency", product.getCurrency());
    json.writeStringField("category", product.getCategory());
    json.writeArrayFieldStart("tags");
    for (String tag : product.getTags()) {
      json.writeString(tag);
    }
    json.writeEndArray();
    json.writeNumberField("stock", product.getStock());
    json.writeStringField("createdAt", TIMESTAMP.format(product.getCreatedAt()));
    json.writeStringField("updatedAt", TIMESTAMP.format(product.getUpdatedAt()));
    if (product.getCreatedBy() != null) {
      json.writeStringField("createdBy", product.getCreatedBy());
    }
    if (product.getUpdatedBy() != null) {
      json.writeStringField("updatedBy", product.getUpdatedBy());
    }
    json.writeNumberField("version", product.getVersion());
    json.writeEndObject();
  }
}
