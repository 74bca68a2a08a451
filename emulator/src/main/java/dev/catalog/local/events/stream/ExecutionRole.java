package dev.catalog.local.events.stream;

import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.IamCall;
import java.util.List;
import java.util.Optional;

/**
 * What Lambda does with a stream consumer's execution role, through the emulator's IAM: when it creates the event
 * source mapping it checks that the role may read the stream and send to the on-failure destination, and refuses the
 * mapping with its own message when not ({@link #refusal}); when it gives up on a batch, it sends the on-failure
 * record with the role ({@link #send}), which IAM may refuse as any call.
 */
final class ExecutionRole {
  /** The stream actions Lambda names when it cannot access a mapping's stream. */
  static final List<String> STREAM_READS =
      List.of(
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:DescribeStream",
          "dynamodb:ListStreams");

  private ExecutionRole() {}

  /**
   * Why Lambda would refuse to create {@code source}'s mapping with the function's role: its message
   * (InvalidParameterValueException), then IAM's reason; empty when the role may do all it needs.
   */
  static Optional<String> refusal(StreamEventSource source, Authorizer roles) {
    for (String action : STREAM_READS) {
      IamCall read = roles.simulate(source.function(), action, source.streamArn());
      if (!read.allowed()) {
        return Optional.of(
            "Cannot access stream "
                + source.streamArn()
                + ". Please ensure the role can perform the"
                + " GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM. ("
                + read.message()
                + ")");
      }
    }
    if (source.onFailure() != null) {
      IamCall send =
          roles.simulate(source.function(), sendAction(source.onFailure()), source.onFailure());
      if (!send.allowed()) {
        return Optional.of(
            sqs(source.onFailure())
                ? "The provided execution role does not have permissions to call SendMessage on SQS ("
                    + send.message()
                    + ")"
                : "The provided execution role does not have permissions to call Publish on SNS ("
                    + send.message()
                    + ")");
      }
    }
    return Optional.empty();
  }

  /** Lambda sending the on-failure record to {@code source}'s destination as the function: IAM's decision. */
  static IamCall send(StreamEventSource source, Authorizer roles) {
    return roles.authorize(source.function(), sendAction(source.onFailure()), source.onFailure());
  }

  /** {@code sqs:SendMessage} for a queue, {@code sns:Publish} for a topic. */
  static String sendAction(String destination) {
    return sqs(destination) ? "sqs:SendMessage" : "sns:Publish";
  }

  private static boolean sqs(String destination) {
    return destination.startsWith("arn:aws:sqs:");
  }
}
