"""E9006: every Lambda function's log group is a resource of the template with a retention.

A function whose log group the template does not declare gets one from Lambda at its first invocation: without a
retention, so its logs are kept (and billed) forever, and outside the stack, so it outlives a deleted stack and
blocks a later stack from declaring a log group of that name.
"""

import os
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import (  # noqa: E402
    as_text,
    is_intrinsic,
    properties,
    referenced_resource,
    resources,
    resources_of_type,
)

# Lambda's LoggingConfig (API reference, and the CloudWatch Logs page of the developer guide): "By default, Lambda
# functions send logs to a default log group named /aws/lambda/<function name>. To use a different log group,
# enter an existing log group or enter a new log group name." A log group created that way has no retention
# policy, and CloudWatch Logs keeps the events of such a group indefinitely.
_LOG_GROUP = "AWS::Logs::LogGroup"


def _default_names(function, props):
    """The ways a template can write the function's default log group name."""
    names = {"/aws/lambda/${%s}" % function}
    explicit = as_text(props.get("FunctionName"))
    if explicit is not None:
        names.add("/aws/lambda/" + explicit)
    return names


class FunctionLogGroupRetention(CloudFormationLintRule):
    id = "E9006"
    shortdesc = "Every function's log group has a retention"
    description = (
        "Each AWS::Lambda::Function must log to an AWS::Logs::LogGroup of the template that has RetentionInDays: "
        "one its LoggingConfig.LogGroup refers to, or one named /aws/lambda/${Function} (Sub or Join with a Ref "
        "to the function). Otherwise Lambda creates /aws/lambda/<name> itself, without a retention, and it "
        "outlives the stack. Source: Lambda's pages on sending function logs to CloudWatch Logs and LoggingConfig."
    )
    source_url = "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html"
    tags = ["resources", "lambda", "logs"]

    def match(self, cfn):
        # A log group without LogGroupName gets a generated name, never /aws/lambda/...; None is a name that an
        # intrinsic hides.
        groups = {name: as_text(properties(res)["LogGroupName"])
                  for name, res in resources_of_type(cfn, _LOG_GROUP) if "LogGroupName" in properties(res)}
        matches = []
        for function, res in resources_of_type(cfn, "AWS::Lambda::Function"):
            props = properties(res)
            config = props.get("LoggingConfig", {})
            if is_intrinsic(config) or not isinstance(config, dict):
                continue
            if "LogGroup" in config:
                path = ["Resources", function, "Properties", "LoggingConfig", "LogGroup"]
                text = as_text(config["LogGroup"])
                group = referenced_resource(cfn, config["LogGroup"], _LOG_GROUP) or next(
                    (g for g, name in groups.items() if name is not None and name == text), None)
                if group is None:
                    continue  # a log group made elsewhere: nothing here to judge
            else:
                path = ["Resources", function, "Properties"]
                defaults = _default_names(function, props)
                group = next((g for g, name in groups.items() if name in defaults), None)
                if group is None and None in groups.values():
                    continue  # a log group whose name an intrinsic hides may be this one
                if group is None:
                    matches.append(RuleMatch(
                        path,
                        f"{function} logs to /aws/lambda/<its name>, which no {_LOG_GROUP} of the template "
                        f"declares: Lambda creates it at the first invocation, without a retention (logs kept "
                        f"forever), and it outlives the stack. Declare a log group with RetentionInDays and set "
                        f"LoggingConfig.LogGroup to it (or name it !Sub /aws/lambda/${{{function}}}).",
                    ))
                    continue
            if "RetentionInDays" not in properties(resources(cfn)[group]):
                matches.append(RuleMatch(
                    path,
                    f"{function} logs to {group}, which has no RetentionInDays: its logs are kept forever.",
                ))
        return matches
