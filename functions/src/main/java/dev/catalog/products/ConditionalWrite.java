package dev.catalog.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.Preconditions;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import dev.catalog.products.ProductStore.AlreadyApplied;
import dev.catalog.products.ProductStore.ProductWrite;
import dev.catalog.products.ProductStore.Refused;
import dev.catalog.products.ProductStore.WriteMode;
import dev.catalog.products.ProductStore.Written;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.enhanced.dynamodb.Expression;

/**
 * PUT and PATCH as one conditional write each, without reading the product first: last writer wins.
 *
 * <p>The request is validated on its own (every rule of a product is on one field, so a patch needs no stored
 * product to be judged), then {@link ProductStore#write} sets the fields, stamps {@code updatedAt} and
 * {@code updatedBy} and increments the version in one {@code UpdateItem}, whose condition holds the request's
 * preconditions ({@link ProductConditions}), the product's existence (PATCH) and "some field would change". Two
 * writers no longer race: DynamoDB applies them one after the other, each to the product as the other left it.
 *
 * <p>When the condition fails nothing was written, and the item it failed on (returned with the failure) says why,
 * decided here by the same code that decided before the write: absent (404, or for PUT an If-Match on no product,
 * 412), this request's own earlier attempt whose answer was lost (its token is among the product's latest writes:
 * answered as the write it was, see {@link #asWritten}), a precondition that is false on it (412), or every field already as asked (200 with the product as it is: the same ETag, no version,
 * no event). The one remaining case is a PUT on a product stored before incarnations or {@code createdBy} existed,
 * which a second write replaces without giving it either.
 *
 * <p>Reads remain only where nothing is to be written: a body that fails validation (the product is read so that
 * 404 and 412 come before 400, as the contract orders them), a PATCH that sets no field, and a request listing more
 * than {@link ProductConditions#MAX_TAGS} entity tags.
 */
final class ConditionalWrite {
  /** Writes of one request at most: the legacy replace, and a create again if that product was deleted meanwhile. */
  static final int CALLS = 3;

  record Outcome(Product product, boolean created) {}

  private ConditionalWrite() {}

  /** PUT: creates or replaces product {@code id} with {@code body}. */
  static Outcome put(ProductsContext context, ApiRequest request, String id, ObjectNode body) {
    Preconditions preconditions = ProductResource.preconditions(request, context.clock());
    Product next;
    try {
      next = ProductJson.read(body, id);
    } catch (HttpError invalid) {
      throw beforeValidation(context, id, true, preconditions, invalid);
    }
    return write(
        context, request, id, true, preconditions, next, ProductJson.WRITABLE, current -> next);
  }

  /** PATCH: applies the merge patch {@code body} to product {@code id}. */
  static Outcome patch(ProductsContext context, ApiRequest request, String id, ObjectNode body) {
    Preconditions preconditions = ProductResource.preconditions(request, context.clock());
    ProductJson.Patch patch;
    try {
      patch = ProductJson.patchOf(body, id);
    } catch (HttpError invalid) {
      throw beforeValidation(context, id, false, preconditions, invalid);
    }
    if (patch.fields().isEmpty()) {
      // {} or server-managed members only: nothing to write, so the answer is the product as it is.
      Product current = context.products().find(id).orElseThrow(() -> ProductResource.notFound(id));
      preconditions.evaluate(ProductResource.state(current));
      return new Outcome(current.applyDefaults(), false);
    }
    return write(
        context,
        request,
        id,
        false,
        preconditions,
        patch.values(),
        patch.fields(),
        current -> ProductJson.patch(current, body, id));
  }

  /**
   * A request whose body is invalid is answered as before any write: 404 for a PATCH of no product, then its
   * preconditions (412), then the 400. Those need the product, which this path alone reads.
   */
  private static HttpError beforeValidation(
      ProductsContext context,
      String id,
      boolean mayCreate,
      Preconditions preconditions,
      HttpError invalid) {
    Product current = context.products().find(id).orElse(null);
    if (current == null && !mayCreate) {
      return ProductResource.notFound(id);
    }
    preconditions.evaluate(current == null ? null : ProductResource.state(current));
    return invalid;
  }

  /**
   * Writes {@code fields} of {@code values} to product {@code id} in one call, and tells a refusal's reason from the
   * item it was refused on; {@code change} gives that item with this request's change applied, to compare.
   */
  private static Outcome write(
      ProductsContext context,
      ApiRequest request,
      String id,
      boolean put,
      Preconditions preconditions,
      Product values,
      Set<String> fields,
      UnaryOperator<Product> change) {
    ProductStore products = context.products();
    Instant now = ProductResource.now(context.clock());
    String caller = ProductResource.caller(request);
    String incarnation = put ? ProductStore.newIncarnation() : null;
    String token = ProductStore.newWriteToken();
    Guard guard =
        ProductConditions.tags(preconditions) > ProductConditions.MAX_TAGS
            ? Guard.onRead(products, id, put, preconditions)
            : Guard.of(preconditions);
    WriteMode mode = put ? WriteMode.CREATE_OR_REPLACE : WriteMode.UPDATE;
    for (int call = 1; call <= CALLS; call++) {
      var result =
          products.write(
              new ProductWrite(
                  id, mode, values, fields, now, caller, incarnation, token, guard.condition()));
      if (result instanceof Written written) {
        return counted(request, new Outcome(written.product(), written.created()));
      }
      if (result instanceof AlreadyApplied applied) {
        // An attempt of this call was applied and its answer lost; the SDK's retry found its token.
        request.metrics().count(ProductMetrics.RETRIED_WRITES_RECOGNISED);
        boolean created = put && incarnation.equals(applied.found().getIncarnation());
        return counted(
            request,
            new Outcome(
                asWritten(applied, put ? change.apply(applied.found()) : null, now, caller),
                created));
      }
      Product found = ((Refused) result).found();
      if (found == null) {
        if (!put) {
          throw ProductResource.notFound(id);
        }
        guard.evaluate(null);
        // A PUT that meant to replace an older product, deleted since: it creates one now.
        mode = WriteMode.CREATE_OR_REPLACE;
        request.metrics().count(ProductMetrics.CONDITIONAL_WRITE_RETRIES);
        continue;
      }
      Product mine = change.apply(found);
      guard.evaluate(found);
      if (sameContent(found, mine)) {
        return new Outcome(found, false);
      }
      if (put
          && mode == WriteMode.CREATE_OR_REPLACE
          && (found.getIncarnation() == null || found.getCreatedBy() == null)) {
        // Stored before incarnations or createdBy: replaced without giving it either, as a PUT
        // always did.
        mode = WriteMode.UPDATE;
        request.metrics().count(ProductMetrics.CONDITIONAL_WRITE_RETRIES);
        continue;
      }
      throw new IllegalStateException(
          "The write of product " + id + " was refused for no reason its item shows");
    }
    throw new IllegalStateException(
        "The write of product " + id + " took more than " + CALLS + " calls");
  }

  private static Outcome counted(ApiRequest request, Outcome outcome) {
    request.metrics().count(outcome.created() ? ProductMetrics.CREATED : ProductMetrics.UPDATED);
    return outcome;
  }

  /**
   * The answer to a write found already applied ({@link AlreadyApplied}). With no write since, the item is as it
   * left it. After later writes, a PUT's product at its own version is known whole (every writable field is the
   * PUT's, the others are kept by every write): it is rebuilt, with that version. A PATCH's is not (the later
   * writes may have changed fields it left alone, and the item keeps no history of them): the answer is the product
   * as it is now, which the write led to and which its ETag describes.
   */
  private static Product asWritten(
      AlreadyApplied applied, Product putDocument, Instant now, String caller) {
    Product found = applied.found();
    if (applied.later() == 0 || putDocument == null) {
      return found;
    }
    Product written = putDocument;
    written.setCreatedAt(found.getCreatedAt());
    written.setCreatedBy(found.getCreatedBy());
    written.setIncarnation(found.getIncarnation());
    written.setUpdatedAt(now);
    written.setUpdatedBy(caller);
    written.setVersion(found.getVersion() - applied.later());
    return written.applyDefaults();
  }

  /** Whether every client-writable field is equal, numbers by value (the form a merge patch applies to). */
  static boolean sameContent(Product current, Product next) {
    return Json.canonical(ProductJson.writable(current))
        .equals(Json.canonical(ProductJson.writable(next)));
  }

  /**
   * The request's preconditions, as the write's condition and as the explanation of its refusal: the two must agree,
   * so that a refusal whose item passes them is one that changed nothing.
   *
   * @param condition the condition the write carries; null for none
   * @param check     throws the 412 if the preconditions are false for the product it is given (null: absent)
   */
  private record Guard(Expression condition, Consumer<Product> check) {
    /** Throws the 412 if the preconditions are false for {@code found} (null: absent). */
    void evaluate(Product found) {
      check.accept(found);
    }

    static Guard of(Preconditions preconditions) {
      return new Guard(
          ProductConditions.of(preconditions),
          found -> preconditions.evaluate(found == null ? null : ProductResource.state(found)));
    }

    /**
     * For conditions listing more tags than a condition expression holds: the product is read, the preconditions are
     * evaluated on it (404, 412), and the write is conditional on that state still being there; if it is gone, the
     * state the preconditions passed on is gone, and the answer is 412, as for a write that lost a race.
     */
    static Guard onRead(
        ProductStore products, String id, boolean put, Preconditions preconditions) {
      Product read = products.find(id).orElse(null);
      if (read == null && !put) {
        throw ProductResource.notFound(id);
      }
      preconditions.evaluate(read == null ? null : ProductResource.state(read));
      String tag = read == null ? null : ProductResource.etag(read);
      Expression condition =
          read == null
              ? Expression.builder()
                  .expression("attribute_not_exists(#id)")
                  .putExpressionName("#id", "id")
                  .build()
              : ProductConditions.sameState(read);
      return new Guard(
          condition,
          found -> {
            if (!Objects.equals(tag, found == null ? null : ProductResource.etag(found))) {
              throw HttpError.preconditionFailed(
                  "The product was changed by another request; fetch it and try again.");
            }
          });
    }
  }
}
