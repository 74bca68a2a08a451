package dev.catalog.local.events.sns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code PublishBatch} as SNS answers it: the request as a whole is refused when it has no entries, more than 10,
 * repeated or malformed ids, or more than 256 KiB of messages in all; otherwise each entry is checked on its own, and
 * the answer lists the entries accepted ({@code Successful}) and those refused ({@code Failed}, with SNS's code).
 * It needs {@code sns:Publish} on the topic, as Publish does.
 */
final class PublishBatch {
  private static final int MAX_ENTRIES = 10;
  private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private final LocalSns sns;

  PublishBatch(LocalSns sns) {
    this.sns = sns;
  }

  String publish(String caller, QueryRequest request) {
    Topic topic =
        sns.authorizedTopic(caller, "sns:Publish", request.require("TopicArn"), "TopicArn");
    List<QueryRequest> entries = request.members("PublishBatchRequestEntries.member");
    if (entries.isEmpty()) {
      throw new SnsError(
          "EmptyBatchRequest", 400, "The batch request doesn't contain any entries.");
    }
    if (entries.size() > MAX_ENTRIES) {
      throw new SnsError(
          "TooManyEntriesInBatchRequest",
          400,
          "The batch request contains more entries than" + " permissible.");
    }
    Set<String> ids = new HashSet<>();
    int bytes = 0;
    for (QueryRequest entry : entries) {
      String id = entry.get("Id").orElse("");
      if (!ENTRY_ID.matcher(id).matches()) {
        throw new SnsError(
            "InvalidBatchEntryId",
            400,
            "A batch entry id can only contain alphanumeric characters,"
                + " hyphens and underscores. It can be at most 80 letters long.");
      }
      if (!ids.add(id)) {
        throw new SnsError(
            "BatchEntryIdsNotDistinct",
            400,
            "Two or more batch entries in the request have the same" + " Id.");
      }
      bytes += MessageValidation.utf8(entry.get("Message").orElse(""));
    }
    if (bytes > MessageValidation.MAX_BYTES) {
      throw new SnsError(
          "BatchRequestTooLong",
          400,
          "The length of all the messages put together is more than the" + " limit.");
    }
    List<MessageValidation.Valid> valid = new ArrayList<>();
    StringBuilder successful = new StringBuilder("<Successful>");
    StringBuilder failed = new StringBuilder("<Failed>");
    for (QueryRequest entry : entries) {
      String id = entry.require("Id");
      try {
        MessageValidation.Valid message = MessageValidation.check(entry);
        valid.add(message);
        successful
            .append("<member>")
            .append(SnsXml.element("Id", id))
            .append(SnsXml.element("MessageId", sns.accept(caller, topic, message).messageId()))
            .append("</member>");
      } catch (SnsError refused) {
        failed
            .append("<member>")
            .append(SnsXml.element("Id", id))
            .append(SnsXml.element("Code", refused.code()))
            .append(SnsXml.element("Message", refused.getMessage()))
            .append(SnsXml.element("SenderFault", Boolean.toString(refused.senderFault())))
            .append("</member>");
      }
    }
    return successful.append("</Successful>").append(failed).append("</Failed>").toString();
  }
}
