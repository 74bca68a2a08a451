"""E9001: an event source mapping's on-failure destination is writable by the role of the function it invokes.

SAM adds sqs:SendMessage (sns:Publish, s3:PutObject) to the role it generates only when the event's
DestinationConfig.OnFailure has a Type; without one the expanded template has a mapping Lambda refuses:
"The provided execution role does not have permissions to call SendMessage on SQS".
"""

import os
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import (  # noqa: E402
    UNKNOWN,
    as_text,
    function_named_by,
    function_role,
    names_only_template_resources,
    placeholder_names,
    properties,
    referenced,
    referenced_resource,
    resource_names,
    resources,
    resources_of_type,
    role_allows,
    wildcard_match,
)

# Lambda's pages on stream event sources (services-dynamodb-errors.html, kinesis-on-failure-destination.html),
# under the execution role permissions an on-failure destination needs: "Amazon SQS destinations:
# sqs:SendMessage", "Amazon SNS destinations: sns:Publish", "Amazon S3 destinations: s3:PutObject and
# s3:ListBucket". Lambda verifies the permission when it creates or updates the mapping, so the stack update
# fails there rather than at the first failed batch.
_ACTIONS = {"sqs": "sqs:SendMessage", "sns": "sns:Publish", "s3": "s3:PutObject"}
_SERVICES = {"AWS::SQS::Queue": "sqs", "AWS::SNS::Topic": "sns", "AWS::S3::Bucket": "s3"}
_SAM_TYPES = {"sqs": "SQS", "sns": "SNS", "s3": "S3"}


def _destination(cfn, value):
    """(service, rendered ARN) of a destination whose value the template fixes; None for a parameter, an
    import, a condition or a Kafka topic."""
    text = as_text(value)
    if text is None or not names_only_template_resources(cfn, text):
        return None
    target = referenced_resource(cfn, value, *_SERVICES)
    if target:
        service = _SERVICES[resources(cfn)[target]["Type"]]
    else:
        parts = text.split(":")
        service = parts[2] if len(parts) > 2 and parts[0] == "arn" else None
    return (service, text) if service in _ACTIONS else None


def _covers(cfn, service, destination):
    """A test of one policy Resource entry: does it cover the destination (objects in it, for a bucket)?"""
    # Lambda writes each failed batch as an object of the bucket; "/*" stands for every key.
    subject = destination + "/*" if service == "s3" else destination
    wanted = resource_names(destination)

    def test(resource):
        text = as_text(resource)
        if text is None or not names_only_template_resources(cfn, text):
            return UNKNOWN
        if wildcard_match(text, subject):
            return True
        named = resource_names(text)
        if named and wanted and not named & wanted:
            return False  # ARNs of other resources of the template
        if not placeholder_names(text) and not placeholder_names(destination):
            return False  # two literal ARNs that do not match
        # Otherwise the texts differ but may have the same value once deployed: a literal ARN, a wildcard or a
        # Sub of the queue's name against ${Queue.Arn}, whose value only the deployment knows.
        return UNKNOWN

    return test


class EventSourceMappingDestinationWritable(CloudFormationLintRule):
    id = "E9001"
    shortdesc = "Event source mapping destinations are writable by the function's role"
    description = (
        "An AWS::Lambda::EventSourceMapping's DestinationConfig.OnFailure.Destination must be allowed to the "
        "execution role of the function the mapping invokes (through an alias or version): sqs:SendMessage on "
        "an SQS queue, sns:Publish on an SNS topic, s3:PutObject on a bucket's objects, or Lambda refuses to "
        "create the mapping. Source: Lambda's pages on retaining discarded records of DynamoDB and Kinesis "
        "event sources (on-failure destinations and the permissions they need)."
    )
    source_url = "https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html"
    tags = ["resources", "lambda", "iam", "deploy-time"]

    def match(self, cfn):
        matches = []
        for name, res in resources_of_type(cfn, "AWS::Lambda::EventSourceMapping"):
            props = properties(res)
            config = props.get("DestinationConfig")
            on_failure = config.get("OnFailure") if isinstance(config, dict) else None
            if not isinstance(on_failure, dict) or "Destination" not in on_failure:
                continue
            destination = _destination(cfn, on_failure["Destination"])
            function = function_named_by(cfn, props.get("FunctionName"))
            role = function_role(cfn, function) if function else None
            if destination is None or role is None:
                continue
            service, arn = destination
            action = _ACTIONS[service]
            if role_allows(cfn, role, action, _covers(cfn, service, arn)) is not False:
                continue
            target = referenced(on_failure["Destination"])
            shown = target[0] if target and target[0] in resources(cfn) else arn
            matches.append(RuleMatch(
                ["Resources", name, "Properties", "DestinationConfig", "OnFailure", "Destination"],
                f"{name} sends the batches it gives up on to {shown}, but {role}, the role of {function}, "
                f"allows no {action} on it: Lambda refuses to create the mapping (\"The provided execution "
                f"role does not have permissions to call ...\"). In a SAM event, give DestinationConfig."
                f"OnFailure the Type {_SAM_TYPES[service]}; otherwise grant {action} in the function's policies.",
            ))
        return matches
