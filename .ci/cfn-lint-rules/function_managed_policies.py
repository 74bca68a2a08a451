"""E9005: Lambda functions' roles hold no AWS managed policy beyond their logs and X-Ray traces.

SAM attaches an AWS managed policy to a function's generated role for most event types, and those policies are
written for every customer: service-role/AWSLambdaDynamoDBExecutionRole, which SAM adds for a DynamoDB event,
lets the function read every stream of the account, not the one table it consumes.
"""

import os
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import (  # noqa: E402
    aws_managed_policy,
    lambda_roles,
    properties,
    resources,
)

# IAM security best practices, "Apply least-privilege permissions": "When you set permissions with IAM policies,
# grant only the permissions required to perform a task." and, under "Get started with AWS managed policies and
# move toward least-privilege permissions": AWS managed policies "might not grant least-privilege permissions for
# your specific use cases because they're available for use by all AWS customers". Lambda's execution role page
# names AWSLambdaBasicExecutionRole (CloudWatch Logs) as what every function needs; SAM adds the X-Ray write
# policy for Tracing: Active. Both write the function's own telemetry only.
_ALLOWED = {
    "service-role/AWSLambdaBasicExecutionRole",
    "AWSXrayWriteOnlyAccess",
    "AWSXRayDaemonWriteAccess",
}


class FunctionRolesWithoutAccountWidePolicies(CloudFormationLintRule):
    id = "E9005"
    shortdesc = "No account-wide AWS managed policies on function roles"
    description = (
        "A role that a Lambda function runs as (or that lambda.amazonaws.com may assume) may hold no AWS managed "
        "policy other than service-role/AWSLambdaBasicExecutionRole and the X-Ray write policies "
        "(AWSXrayWriteOnlyAccess, AWSXRayDaemonWriteAccess): the others grant their actions on every resource "
        "of the account, e.g. AWSLambdaDynamoDBExecutionRole, which SAM adds for a DynamoDB event, reads every "
        "stream. Grant the actions on the function's own resources in an inline policy. Source: Lambda's "
        "execution role page and IAM's least-privilege best practice "
        "(https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege)."
    )
    source_url = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html"
    tags = ["resources", "lambda", "iam", "least-privilege"]

    def match(self, cfn):
        matches = []
        for role, functions in sorted(lambda_roles(cfn).items()):
            arns = properties(resources(cfn)[role]).get("ManagedPolicyArns", [])
            if not isinstance(arns, list):
                continue
            used_by = f" (the role of {', '.join(sorted(functions))})" if functions else ""
            for index, arn in enumerate(arns):
                policy = aws_managed_policy(arn)
                if policy is None or policy in _ALLOWED:
                    continue
                matches.append(RuleMatch(
                    ["Resources", role, "Properties", "ManagedPolicyArns", index],
                    f"{role}{used_by} holds the AWS managed policy {policy}, which grants its actions on every "
                    f"resource of the account. Grant them on the function's own resources in its Policies "
                    f"instead; for a SAM DynamoDB or Kinesis event, declare an AWS::Lambda::EventSourceMapping "
                    f"so that SAM does not add the policy.",
                ))
        return matches
