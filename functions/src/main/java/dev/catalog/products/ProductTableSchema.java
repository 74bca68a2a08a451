package dev.catalog.products;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.math.BigDecimal;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The table schema of {@link Product}, written out. It says what the bean's annotations say (a test holds the two
 * equal), but {@code TableSchema.fromBean} derives it at run time through {@code java.beans} introspection and a
 * generated lambda per accessor, which cost about 100 ms of every cold start; this costs a few.
 */
final class ProductTableSchema {
  static final TableSchema<Product> SCHEMA =
      StaticTableSchema.builder(Product.class)
          .newItemSupplier(Product::new)
          .addAttribute(
              String.class,
              a ->
                  a.name("id")
                      .getter(Product::getId)
                      .setter(Product::setId)
                      .tags(primaryPartitionKey(), secondarySortKey(ProductStore.CATEGORY_INDEX)))
          .addAttribute(
              String.class, a -> a.name("name").getter(Product::getName).setter(Product::setName))
          .addAttribute(
              String.class,
              a ->
                  a.name("description")
                      .getter(Product::getDescription)
                      .setter(Product::setDescription))
          .addAttribute(
              BigDecimal.class,
              a -> a.name("price").getter(Product::getPrice).setter(Product::setPrice))
          .addAttribute(
              String.class,
              a -> a.name("currency").getter(Product::getCurrency).setter(Product::setCurrency))
          .addAttribute(
              String.class,
              a ->
                  a.name("category")
                      .getter(Product::getCategory)
                      .setter(Product::setCategory)
                      .tags(secondaryPartitionKey(ProductStore.CATEGORY_INDEX)))
          .addAttribute(
              EnhancedType.listOf(String.class),
              a -> a.name("tags").getter(Product::getTags).setter(Product::setTags))
          .addAttribute(
              Integer.class,
              a -> a.name("stock").getter(Product::getStock).setter(Product::setStock))
          .addAttribute(
              Instant.class,
              a -> a.name("createdAt").getter(Product::getCreatedAt).setter(Product::setCreatedAt))
          .addAttribute(
              Instant.class,
              a -> a.name("updatedAt").getter(Product::getUpdatedAt).setter(Product::setUpdatedAt))
          .addAttribute(
              String.class,
              a -> a.name("createdBy").getter(Product::getCreatedBy).setter(Product::setCreatedBy))
          .addAttribute(
              String.class,
              a -> a.name("updatedBy").getter(Product::getUpdatedBy).setter(Product::setUpdatedBy))
          .addAttribute(
              Long.class,
              a ->
                  a.name("version")
                      .getter(Product::getVersion)
                      .setter(Product::setVersion)
                      .tags(VersionedRecordExtension.AttributeTags.versionAttribute(0L, 1L)))
          .addAttribute(
              String.class,
              a ->
                  a.name("incarnation")
                      .getter(Product::getIncarnation)
                      .setter(Product::setIncarnation))
          .build();

  private ProductTableSchema() {}
}
