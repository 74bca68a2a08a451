package dev.catalog.feed;

import dev.catalog.feed.connections.Topic;
import dev.catalog.products.Category;
import dev.catalog.products.constraints.UniqueElements;
import io.avaje.validation.constraints.Size;
import io.avaje.validation.constraints.Valid;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks to subscribe to or unsubscribe from, in a message or in the query of {@code $connect}: some
 * categories, all products, or both. Its categories are held to the rules of a product's {@code category} (taken in
 * by {@link SubscriptionReader} as the REST API takes a {@code ?category=}: NFC, trimmed, then {@link Category}), so a
 * subscription names a category as the products store it.
 */
@Valid
public class Subscription {
  /** At most this many categories per message (and per {@code $connect}); a fan-out costs a Query per topic. */
  public static final int MAX_CATEGORIES = 20;

  @Size(max = MAX_CATEGORIES, message = "must hold at most " + MAX_CATEGORIES + " categories")
  @UniqueElements
  private List<@Category(message = "must not be blank") String> categories = List.of();

  private boolean all;

  public List<String> getCategories() {
    return categories;
  }

  public void setCategories(List<String> categories) {
    this.categories = categories;
  }

  /** All products: every change, whatever its category. */
  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }

  /** The topics: one per category, and all products when asked. */
  public List<Topic> topics() {
    List<Topic> topics = new ArrayList<>();
    categories.forEach(category -> topics.add(Topic.category(category)));
    if (all) {
      topics.add(Topic.all());
    }
    return topics;
  }
}
