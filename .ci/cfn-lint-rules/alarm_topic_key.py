"""E9002: an encrypted SNS topic that alarms notify has a key whose policy lets CloudWatch use it.

CloudWatch publishes an alarm's notification as the service cloudwatch.amazonaws.com, and SNS encrypts it with the
topic's key on that principal's behalf; the AWS managed key alias/aws/sns lets only the account's own principals
use it, and its policy cannot be changed. The alarm still changes state, but its action fails (the alarm's
history says so) and no notification is delivered: a deployment that looks fine and alarms nobody hears.
"""

import os
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import (  # noqa: E402
    UNKNOWN,
    all_of,
    allows,
    any_of,
    as_text,
    is_intrinsic,
    is_literal,
    principal_services,
    properties,
    referenced_resource,
    resources,
    resources_of_type,
    some,
    statements,
)

# SNS's key management page, "Enable compatibility between event sources from AWS services and encrypted
# topics" (CloudWatch among them, principal cloudwatch.amazonaws.com): "1. Use a customer managed
# key. ... 2. To allow the AWS service to have the kms:GenerateDataKey* and kms:Decrypt permissions, add the
# following statement to the KMS policy." CloudWatch's alarm-actions page sends readers of encrypted topics there.
_SERVICE = "cloudwatch.amazonaws.com"
# kms:GenerateDataKey is what SNS calls; kms:GenerateDataKey* in the page's statement covers it.
_ACTIONS = ("kms:Decrypt", "kms:GenerateDataKey")
_ACTION_LISTS = ("AlarmActions", "OKActions", "InsufficientDataActions")


def _topics_notified(cfn, actions):
    """The SNS topics of the template an alarm's action list names (both branches of an Fn::If)."""
    found = set()
    for action in actions if isinstance(actions, list) else [actions]:
        if isinstance(action, dict) and "Fn::If" in action and isinstance(action["Fn::If"], list):
            found |= _topics_notified(cfn, action["Fn::If"][1:])
        else:
            topic = referenced_resource(cfn, action, "AWS::SNS::Topic")
            if topic:
                found.add(topic)
    return found


def _allows_cloudwatch(principal):
    services = principal_services(principal)
    if services is None:
        return UNKNOWN
    return "*" in services or _SERVICE in services


def _key_lets_cloudwatch_in(key_policy):
    found = statements(key_policy)
    if found is None:
        return UNKNOWN
    # Key policies name the key itself as "*"; the statement's Resource does not narrow anything.
    return all_of(any_of(allows(s, action, lambda _: True, _allows_cloudwatch) for s in found)
                  for action in _ACTIONS)


def _key_of(cfn, value):
    """The AWS::KMS::Key of the template a KmsMasterKeyId names, directly or through an AWS::KMS::Alias."""
    key = referenced_resource(cfn, value, "AWS::KMS::Key")
    if key:
        return key
    alias = referenced_resource(cfn, value, "AWS::KMS::Alias")
    if alias:
        return referenced_resource(cfn, properties(resources(cfn)[alias]).get("TargetKeyId"), "AWS::KMS::Key")
    return None


def _problem(cfn, topic):
    """Why CloudWatch cannot publish to the topic, or None when it can or the template cannot tell."""
    key_id = properties(resources(cfn)[topic]).get("KmsMasterKeyId")
    if key_id is None:
        return None
    text = as_text(key_id)
    if text is not None and is_literal(text):
        # A literal key: only an AWS managed one (alias/aws/...) is known to refuse CloudWatch.
        if "alias/aws/" in text:
            return (f"is encrypted with the AWS managed key {text}, whose key policy cannot grant "
                    f"{_SERVICE} anything")
        return None
    key = _key_of(cfn, key_id)
    if key is None:
        return None
    policy = properties(resources(cfn)[key]).get("KeyPolicy")
    if is_intrinsic(policy) or _key_lets_cloudwatch_in(policy) is not False:
        return None
    return (f"is encrypted with {key}, whose key policy has no Allow of kms:Decrypt and kms:GenerateDataKey* "
            f"for the service principal {_SERVICE}")


class AlarmTopicKeyUsableByCloudWatch(CloudFormationLintRule):
    id = "E9002"
    shortdesc = "Topics that alarms notify are usable by CloudWatch"
    description = (
        "An AWS::SNS::Topic named in an alarm's AlarmActions, OKActions or InsufficientDataActions that has a "
        "KmsMasterKeyId must be encrypted with an AWS::KMS::Key of the template (directly or through an "
        "AWS::KMS::Alias) whose key policy allows the service principal cloudwatch.amazonaws.com kms:Decrypt "
        "and kms:GenerateDataKey*; the AWS managed key alias/aws/sns cannot, and the notifications are lost (a "
        "literal key that is not AWS managed, or a parameter, cannot be judged and passes). "
        "Source: SNS's key management page (compatibility of encrypted topics with AWS services) and "
        "CloudWatch's alarm actions page."
    )
    source_url = "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services"
    tags = ["resources", "cloudwatch", "sns", "kms", "deploy-time"]

    def match(self, cfn):
        alarms_by_topic = {}
        for alarm, res in resources_of_type(cfn, "AWS::CloudWatch::Alarm"):
            props = properties(res)
            for action_list in _ACTION_LISTS:
                for topic in _topics_notified(cfn, props.get(action_list, [])):
                    alarms_by_topic.setdefault(topic, set()).add(alarm)

        matches = []
        for topic, alarms in sorted(alarms_by_topic.items()):
            problem = _problem(cfn, topic)
            if problem:
                matches.append(RuleMatch(
                    ["Resources", topic, "Properties", "KmsMasterKeyId"],
                    f"{topic}, which {len(alarms)} alarm(s) notify ({some(alarms)}), {problem}: CloudWatch "
                    f"cannot publish to it and the notifications are never delivered. Use a customer managed "
                    f"key whose policy allows {_SERVICE} kms:Decrypt and kms:GenerateDataKey*.",
                ))
        return matches
