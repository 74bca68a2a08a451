"""E9007: secrets are resolved into the environment of the functions that read them, not through Globals.

A {{resolve:secretsmanager:...}} dynamic reference in an environment variable is resolved by CloudFormation into
the function's configuration, in clear text for anyone allowed lambda:GetFunctionConfiguration on the function.
Under Globals.Function.Environment SAM copies it into every function of the template, so every function's
configuration (and every principal that may read any of them) holds the secret.
"""

import os
import re
import sys

from cfnlint.rules import CloudFormationLintRule, RuleMatch

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from _rule_support import is_intrinsic, properties, resources_of_type, some  # noqa: E402

# CloudFormation's dynamic references page: a {{resolve:secretsmanager:...}} reference is resolved by
# CloudFormation when it creates or updates the stack, and the resource receives the secret's value; the page
# warns against references in properties whose values are shown or logged. Lambda's environment variables page:
# variables are stored in the function's (version's) configuration, which GetFunctionConfiguration returns, and for
# credentials, API keys and other sensitive values it points to Secrets Manager instead. A secret resolved into
# one function's environment is a trade-off made for that function; copied into all of them, it serves nothing.
_SECRET = re.compile(r"\{\{resolve:(secretsmanager|ssm-secure):")


def _secret_kinds(value):
    """The kinds of secret dynamic references in any string inside `value`."""
    if isinstance(value, str):
        return {m.group(1) for m in _SECRET.finditer(value)}
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(_secret_kinds(child) for child in children))


def _functions_given(cfn, variable):
    return {name for name, res in resources_of_type(cfn, "AWS::Lambda::Function")
            if variable in ((properties(res).get("Environment") or {}).get("Variables") or {})}


class SecretsNotInGlobals(CloudFormationLintRule):
    id = "E9007"
    shortdesc = "Secrets resolved only where read"
    description = (
        "A {{resolve:secretsmanager:...}} or {{resolve:ssm-secure:...}} dynamic reference must not be given to "
        "functions through Globals.Function.Environment: SAM copies it into every function's configuration, "
        "where anyone allowed lambda:GetFunctionConfiguration reads it. Each function that reads a secret "
        "declares it in its own Environment. Source: CloudFormation's dynamic references page (secretsmanager) "
        "and Lambda's environment variables page "
        "(https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html)."
    )
    source_url = ("https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                  "dynamic-references.html#dynamic-references-secretsmanager")
    tags = ["sam", "globals", "lambda", "secrets"]

    def match(self, cfn):
        # cfn-lint keeps the template's Globals in transform_pre; the expanded template has none.
        template_globals = cfn.transform_pre.get("Globals") or {}
        function = template_globals.get("Function") if isinstance(template_globals, dict) else None
        environment = function.get("Environment") if isinstance(function, dict) else None
        variables = environment.get("Variables") if isinstance(environment, dict) else None
        if not isinstance(variables, dict) or is_intrinsic(variables):
            return []
        matches = []
        for variable, value in variables.items():
            kinds = _secret_kinds(value)
            if not kinds:
                continue
            path = ["Globals", "Function", "Environment", "Variables", variable]
            given = _functions_given(cfn, variable)
            matches.append(RuleMatch(
                path,
                f"Globals gives the secret {variable} ({', '.join(sorted(kinds))} dynamic reference) to every "
                f"function ({len(given)}: {some(given)}): it is resolved into each one's configuration, readable "
                f"with lambda:GetFunctionConfiguration. Declare it in the Environment of the functions that read "
                f"it only.",
                # The path is in the template as written, which the expanded template no longer has.
                location=cfn.get_location_yaml(template_globals, path[1:]),
            ))
        return matches
