"""E9004: stages that write logs are created after the account's CloudWatch role is set, and that setting
outlives the stack.

API Gateway writes REST and WebSocket logs with one role per account and region, set by AWS::ApiGateway::Account.
A stage that turns logging on before that role is set is refused ("CloudWatch Logs role ARN must be set in
account settings to enable logging"): in a new account or region, or when CloudFormation happens to create the
stage first. HTTP APIs log through a service-linked role instead and are left alone.
"""

import os
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import (  # noqa: E402
    dependencies,
    is_true,
    properties,
    referenced_resource,
    resources,
    resources_of_type,
)

# AWS::ApiGateway::Account: "If an API Gateway resource has never been created in your AWS account, you must add
# a dependency on another API Gateway resource, such as an AWS::ApiGateway::RestApi or AWS::ApiGateway::ApiKey
# resource." and "To avoid overwriting other roles, you should only have one AWS::ApiGateway::Account resource
# per region per account." The role is the account's and region's, not the stack's: deleted with the stack, it
# leaves every other API of the account unable to write logs, hence DeletionPolicy: Retain on both.
# API Gateway's "Set up CloudWatch logging for REST APIs" page: to turn logging on, "you must grant API Gateway
# permission to read and write logs to CloudWatch for your account" (the role of the account settings).
_ACCOUNT = "AWS::ApiGateway::Account"


def _settings_log(settings):
    """Whether method or route settings turn execution logging on (LoggingLevel INFO/ERROR, DataTraceEnabled)."""
    if not isinstance(settings, dict):
        return False
    level = settings.get("LoggingLevel")
    return (isinstance(level, str) and level.upper() in ("INFO", "ERROR")) or is_true(settings.get("DataTraceEnabled"))


def _what_logs(cfn, res):
    """The property that makes a stage write logs through the account's role, or None."""
    props = properties(res)
    if res["Type"] == "AWS::ApiGateway::Stage":
        if props.get("AccessLogSetting"):
            return "AccessLogSetting"
        settings = props.get("MethodSettings")
        if isinstance(settings, list) and any(_settings_log(s) for s in settings):
            return "MethodSettings"
        return None
    api = referenced_resource(cfn, props.get("ApiId"), "AWS::ApiGatewayV2::Api")
    if api is None or properties(resources(cfn)[api]).get("ProtocolType") != "WEBSOCKET":
        return None
    if props.get("AccessLogSettings"):
        return "AccessLogSettings"
    if _settings_log(props.get("DefaultRouteSettings")):
        return "DefaultRouteSettings"
    routes = props.get("RouteSettings")
    if isinstance(routes, dict) and any(_settings_log(s) for s in routes.values()):
        return "RouteSettings"
    return None


def _stage_matches(cfn, accounts):
    unconditional = {name for name, res in accounts.items() if "Condition" not in res}
    if not accounts:
        reason = "the template has no AWS::ApiGateway::Account"
    elif not unconditional:
        reason = ", ".join(f"{name} has the Condition {res['Condition']}" for name, res in sorted(accounts.items()))
    else:
        reason = f"it does not depend on {', '.join(sorted(unconditional))}"
    for stage, res in resources_of_type(cfn, "AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage"):
        what = _what_logs(cfn, res)
        if what is None or dependencies(cfn, stage) & unconditional:
            continue
        yield RuleMatch(
            ["Resources", stage, "Properties", what],
            f"{stage} writes logs ({what}) but is not ordered after an unconditional {_ACCOUNT}: {reason}. "
            f"Where the account's CloudWatch role is not set yet, API Gateway refuses the stage (\"CloudWatch "
            f"Logs role ARN must be set in account settings to enable logging\"). Make the stage, or what it "
            f"refers to such as its log group, depend on the Account.",
        )


def _account_matches(cfn, accounts):
    for account, res in sorted(accounts.items()):
        depends_on_api_gateway = any(
            resources(cfn)[d]["Type"].startswith("AWS::ApiGateway::") and resources(cfn)[d]["Type"] != _ACCOUNT
            for d in dependencies(cfn, account))
        if not depends_on_api_gateway:
            yield RuleMatch(
                ["Resources", account],
                f"{account} depends on no AWS::ApiGateway::* resource: in an account where API Gateway was never "
                f"used, setting its CloudWatch role fails unless another API Gateway resource is created first. "
                f"Add one (the REST API) to its DependsOn.",
            )
        if res.get("DeletionPolicy") != "Retain":
            yield RuleMatch(
                ["Resources", account] + (["DeletionPolicy"] if "DeletionPolicy" in res else []),
                f"{account} does not have DeletionPolicy: Retain: the CloudWatch role it sets serves every API "
                f"of the account and region, not only this stack's.",
            )
        role = referenced_resource(cfn, properties(res).get("CloudWatchRoleArn"), "AWS::IAM::Role")
        if role and resources(cfn)[role].get("DeletionPolicy") != "Retain":
            yield RuleMatch(
                ["Resources", role] + (["DeletionPolicy"] if "DeletionPolicy" in resources(cfn)[role] else []),
                f"{role}, the account's API Gateway CloudWatch role (set by {account}), does not have "
                f"DeletionPolicy: Retain: deleting it with this stack stops the logs of every other API of the "
                f"account and region.",
            )


class AccessLogStagesAfterAccount(CloudFormationLintRule):
    id = "E9004"
    shortdesc = "Access-log stages ordered after the account's CloudWatch role"
    description = (
        "Every AWS::ApiGateway::Stage with AccessLogSetting (or MethodSettings with LoggingLevel or "
        "DataTraceEnabled) and every WebSocket AWS::ApiGatewayV2::Stage with AccessLogSettings (or route settings "
        "that log) must depend, transitively, on an AWS::ApiGateway::Account of the template without a "
        "Condition; that Account must depend on another AWS::ApiGateway::* resource, and it and the role its "
        "CloudWatchRoleArn names must have DeletionPolicy: Retain. Source: the AWS::ApiGateway::Account page of "
        "the CloudFormation reference and API Gateway's page on setting up CloudWatch logging for REST APIs "
        "(https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html)."
    )
    source_url = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-account.html"
    tags = ["resources", "apigateway", "logs", "deploy-time"]

    def match(self, cfn):
        accounts = dict(resources_of_type(cfn, _ACCOUNT))
        return list(_stage_matches(cfn, accounts)) + list(_account_matches(cfn, accounts))
