"""E9003: a WebSocket API's stage deploys every change of the API's routes.

An AWS::ApiGatewayV2::Deployment is a snapshot taken when CloudFormation creates it; one whose properties never
change is never created again, so routes, integrations and authorizers changed later never reach the stage that
serves it, while the stack update succeeds. With AutoDeploy, API Gateway deploys each change itself.
"""

import os
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import (  # noqa: E402
    dependencies,
    is_intrinsic,
    is_true,
    properties,
    referenced_resource,
    resources,
    resources_of_type,
    some,
)

# AWS::ApiGatewayV2::Stage, AutoDeploy: "Specifies whether updates to an API automatically trigger a new
# deployment. The default value is false." AWS::ApiGatewayV2::Deployment creates one deployment of the API as it
# is when the resource is created. The stage's first automatic deployment is of the API as it is when the stage
# is created, so the stage waits for every part of the API.
_API_PARTS = (
    "AWS::ApiGatewayV2::Route",
    "AWS::ApiGatewayV2::RouteResponse",
    "AWS::ApiGatewayV2::Integration",
    "AWS::ApiGatewayV2::IntegrationResponse",
    "AWS::ApiGatewayV2::Authorizer",
)


class WebSocketStageDeploysEveryChange(CloudFormationLintRule):
    id = "E9003"
    shortdesc = "WebSocket stages deploy every route change"
    description = (
        "An AWS::ApiGatewayV2::Stage of a WEBSOCKET API must have AutoDeploy true and no DeploymentId (an "
        "AWS::ApiGatewayV2::Deployment whose properties never change is never re-created, so later route, "
        "integration and authorizer changes never reach the stage), and depend (DependsOn, Ref, GetAtt, Sub, "
        "transitively) on every Route, RouteResponse, Integration, IntegrationResponse and Authorizer of the API "
        "so that its first deployment holds them all. Source: the AWS::ApiGatewayV2::Stage (AutoDeploy) and "
        "AWS::ApiGatewayV2::Deployment pages of the CloudFormation reference."
    )
    source_url = ("https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                  "aws-resource-apigatewayv2-stage.html#cfn-apigatewayv2-stage-autodeploy")
    tags = ["resources", "apigatewayv2", "websocket", "deploy-time"]

    def match(self, cfn):
        matches = []
        for stage, res in resources_of_type(cfn, "AWS::ApiGatewayV2::Stage"):
            props = properties(res)
            api = referenced_resource(cfn, props.get("ApiId"), "AWS::ApiGatewayV2::Api")
            if api is None or properties(resources(cfn)[api]).get("ProtocolType") != "WEBSOCKET":
                continue
            path = ["Resources", stage, "Properties"]

            auto_deploy = props.get("AutoDeploy")
            if not is_intrinsic(auto_deploy) and not is_true(auto_deploy):
                matches.append(RuleMatch(
                    path + (["AutoDeploy"] if "AutoDeploy" in props else []),
                    f"{stage} of the WebSocket API {api} does not have AutoDeploy: true: changes to the API's "
                    f"routes, integrations and authorizer would not reach it.",
                ))

            deployment = props.get("DeploymentId")
            if deployment is not None and not (isinstance(deployment, dict) and "Fn::If" in deployment):
                matches.append(RuleMatch(
                    path + ["DeploymentId"],
                    f"{stage} serves a fixed deployment (DeploymentId): an AWS::ApiGatewayV2::Deployment whose "
                    f"properties do not change is never re-created, so later changes of {api}'s routes never "
                    f"reach the stage. Remove DeploymentId (and the Deployment) and set AutoDeploy: true.",
                ))

            parts = {name for name, part in resources_of_type(cfn, *_API_PARTS)
                     if "Condition" not in part
                     and referenced_resource(cfn, properties(part).get("ApiId"), "AWS::ApiGatewayV2::Api") == api}
            missing = parts - dependencies(cfn, stage)
            if missing:
                matches.append(RuleMatch(
                    ["Resources", stage],
                    f"{stage} does not depend on {len(missing)} part(s) of {api} ({some(missing, 6)}): its first "
                    f"deployment may be made before they exist and miss them. Add them to its DependsOn.",
                ))
        return matches
