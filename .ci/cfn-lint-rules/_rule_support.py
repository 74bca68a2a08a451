"""What the deploy-time rules share: reading the SAM-expanded template's resources, following Ref, GetAtt and
Sub to what they name, walking dependencies, and reading IAM policy documents.

cfn-lint imports every module whose name starts with a letter or a digit 1-9 under the folder given to
--append-rules (recursively) and instantiates the rules it finds there; this module's leading underscore keeps
it out of that scan. cfn-lint loads rule modules by file, not as a package, so each rule module puts this folder
on sys.path before `from _rule_support import ...`.

Answers about the template are often three-valued: True, False, or None when an intrinsic function, a parameter
or an import hides the answer. The rules report only a definite False, so a template they cannot judge passes.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterable, Iterator

UNKNOWN = None

# ${Name} or ${Name.Attribute} in a Fn::Sub string; ${!Literal} is an escape, not a reference.
_PLACEHOLDER = re.compile(r"\$\{([^!}][^}]*)\}")


def resources(cfn) -> dict[str, dict]:
    """The expanded template's resources that are mappings (a malformed entry is another rule's business)."""
    found = cfn.template.get("Resources", {})
    if not isinstance(found, dict):
        return {}
    return {name: res for name, res in found.items() if isinstance(res, dict)}


def resources_of_type(cfn, *types: str) -> Iterator[tuple[str, dict]]:
    for name, res in resources(cfn).items():
        if res.get("Type") in types:
            yield name, res


def properties(res: dict) -> dict:
    props = res.get("Properties", {})
    return props if isinstance(props, dict) else {}


_INTRINSICS = {
    "Ref", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::If",
    "Fn::ImportValue", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Sub", "Fn::Transform", "Fn::And",
    "Fn::Equals", "Fn::Not", "Fn::Or", "Fn::ToJsonString", "Fn::Length",
}


def is_intrinsic(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _INTRINSICS


def is_true(value: Any) -> bool:
    """A literal true, as YAML or JSON writes it (true, "true")."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _getatt_parts(argument: Any) -> tuple[str, str] | None:
    if isinstance(argument, str) and "." in argument:
        name, attribute = argument.split(".", 1)
        return name, attribute
    if isinstance(argument, list) and len(argument) == 2 and all(isinstance(a, str) for a in argument):
        return argument[0], argument[1]
    return None


def referenced(value: Any) -> tuple[str, str | None] | None:
    """(logical id, attribute) that a Ref (attribute None), a GetAtt or a Sub of exactly "${X}" or "${X.Attr}"
    names; None for anything else."""
    if not is_intrinsic(value):
        return None
    (function, argument), = value.items()
    if function == "Ref" and isinstance(argument, str):
        return argument, None
    if function == "Fn::GetAtt":
        return _getatt_parts(argument)
    if function == "Fn::Sub" and isinstance(argument, str):
        match = _PLACEHOLDER.fullmatch(argument)
        if match:
            name, _, attribute = match.group(1).partition(".")
            return name, attribute or None
    return None


def referenced_resource(cfn, value: Any, *types: str) -> str | None:
    """The logical id of the resource of one of `types` that `value` names (Ref, GetAtt, "${X}"), or None."""
    ref = referenced(value)
    if ref is None:
        return None
    res = resources(cfn).get(ref[0])
    if res is None or (types and res.get("Type") not in types):
        return None
    return ref[0]


def as_text(value: Any) -> str | None:
    """Renders a string-valued property as text in which every Ref and GetAtt is written the way Fn::Sub
    writes it (${Name}, ${Name.Attribute}), so that values can be compared whatever intrinsic spells them:
    !GetAtt Q.Arn, {"Fn::GetAtt": ["Q", "Arn"]} and !Sub "${Q.Arn}" all render as "${Q.Arn}".
    None when the value is something else (Fn::If, Fn::ImportValue, Fn::Select...)."""
    if isinstance(value, str):
        return value
    if not is_intrinsic(value):
        return None
    (function, argument), = value.items()
    if function == "Ref" and isinstance(argument, str):
        return "${" + argument + "}"
    if function == "Fn::GetAtt":
        parts = _getatt_parts(argument)
        return "${%s.%s}" % parts if parts else None
    if function == "Fn::Sub":
        if isinstance(argument, str):
            return argument
        if (isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str)
                and isinstance(argument[1], dict)):
            variables = {name: as_text(v) for name, v in argument[1].items()}
            if None in variables.values():
                return None
            return _PLACEHOLDER.sub(lambda m: variables.get(m.group(1), m.group(0)), argument[0])
        return None
    if function == "Fn::Join":
        if (isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str)
                and isinstance(argument[1], list)):
            parts = [as_text(part) for part in argument[1]]
            if None in parts:
                return None
            return argument[0].join(parts)
    return None


def placeholder_names(text: str) -> set[str]:
    """The logical ids and pseudo parameters named in a rendered text (attributes dropped)."""
    return {m.group(1).split(".", 1)[0] for m in _PLACEHOLDER.finditer(text)}


def resource_names(text: str) -> set[str]:
    """The logical ids named in a rendered text: its placeholders other than pseudo parameters."""
    return {name for name in placeholder_names(text) if not name.startswith("AWS::")}


def is_literal(text: str) -> bool:
    """True when a rendered text names nothing but pseudo parameters (${AWS::Partition}...)."""
    return not resource_names(text)


def names_only_template_resources(cfn, text: str) -> bool:
    """True when every ${...} of a rendered text is a resource of the template or a pseudo parameter, so that no
    parameter or import decides what it names."""
    known = resources(cfn)
    return all(name in known or name.startswith("AWS::") for name in placeholder_names(text))


def wildcard_match(pattern: str, text: str, ignore_case: bool = False) -> bool:
    """IAM's matching: * is any run of characters, ? one character, nothing else is special."""
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    flags = (re.IGNORECASE | re.DOTALL) if ignore_case else re.DOTALL
    return re.fullmatch(regex, text, flags) is not None


# ---- references and dependencies ----

def references(value: Any) -> set[str]:
    """Every name a Ref, GetAtt or Sub anywhere inside `value` refers to (resources and parameters alike)."""
    found: set[str] = set()
    if isinstance(value, list):
        for item in value:
            found |= references(item)
        return found
    if not isinstance(value, dict):
        return found
    for key, argument in value.items():
        if key == "Ref" and isinstance(argument, str):
            found.add(argument)
        elif key == "Fn::GetAtt":
            parts = _getatt_parts(argument)
            if parts:
                found.add(parts[0])
            else:
                found |= references(argument)
        elif key == "Fn::Sub":
            found |= _sub_references(argument)
        else:
            found |= references(argument)
    return found


def _sub_references(argument: Any) -> set[str]:
    if isinstance(argument, str):
        return placeholder_names(argument)
    if (isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str)
            and isinstance(argument[1], dict)):
        # ${Var} of the variable map is not a reference; the map's values may hold some.
        return (placeholder_names(argument[0]) - set(argument[1])) | references(argument[1])
    return references(argument)


def direct_dependencies(cfn, name: str) -> set[str]:
    """The resources CloudFormation creates before `name`: its DependsOn and the resources its properties refer
    to with Ref, GetAtt or Sub."""
    known = resources(cfn)
    res = known.get(name, {})
    depends_on = res.get("DependsOn", [])
    names = {d for d in (depends_on if isinstance(depends_on, list) else [depends_on]) if isinstance(d, str)}
    names |= references(res.get("Properties", {}))
    return {n for n in names if n in known and n != name}


def dependencies(cfn, name: str) -> set[str]:
    """Every resource created before `name`, directly or through others."""
    seen: set[str] = set()
    pending = [name]
    while pending:
        for dependency in direct_dependencies(cfn, pending.pop()):
            if dependency not in seen:
                seen.add(dependency)
                pending.append(dependency)
    seen.discard(name)
    return seen


# ---- Lambda ----

def function_named_by(cfn, value: Any) -> str | None:
    """The AWS::Lambda::Function of the template that a FunctionName value designates: the function itself
    (Ref, GetAtt Arn) or, through their own FunctionName, an AWS::Lambda::Alias or AWS::Lambda::Version."""
    seen = set()
    while True:
        name = referenced_resource(cfn, value, "AWS::Lambda::Function", "AWS::Lambda::Alias", "AWS::Lambda::Version")
        if name is None or name in seen:
            return None
        res = resources(cfn)[name]
        if res["Type"] == "AWS::Lambda::Function":
            return name
        seen.add(name)
        value = properties(res).get("FunctionName")


def function_role(cfn, function: str) -> str | None:
    """The AWS::IAM::Role of the template that the function runs as (Role: !GetAtt R.Arn), or None."""
    role = properties(resources(cfn)[function]).get("Role")
    ref = referenced(role)
    if ref and ref[1] == "Arn" and referenced_resource(cfn, role, "AWS::IAM::Role"):
        return ref[0]
    return None


# ---- IAM ----

# AWS managed policies that SAM attaches to function roles; none of them grants a destination action
# (sqs:SendMessage, sns:Publish, s3:PutObject), so a role holding only these is judged by its own policies.
KNOWN_NON_DESTINATION_POLICIES = {
    "service-role/AWSLambdaBasicExecutionRole",
    "AWSXrayWriteOnlyAccess",
    "AWSXRayDaemonWriteAccess",
    "service-role/AWSLambdaDynamoDBExecutionRole",
    "service-role/AWSLambdaKinesisExecutionRole",
    "service-role/AWSLambdaSQSQueueExecutionRole",
    "service-role/AWSLambdaMSKExecutionRole",
    "service-role/AWSLambdaVPCAccessExecutionRole",
}

_AWS_MANAGED_POLICY = re.compile(r"arn:(?:\$\{AWS::Partition\}|aws[a-z-]*):iam::aws:policy/(.+)")


def aws_managed_policy(value: Any) -> str | None:
    """The path and name ("service-role/AWSLambdaBasicExecutionRole") of the AWS managed policy an ARN value
    names, as a string, Sub or Join with ${AWS::Partition}; None for any other value."""
    text = as_text(value)
    match = _AWS_MANAGED_POLICY.fullmatch(text) if text else None
    return match.group(1) if match else None


def statements(document: Any) -> list | None:
    """The statements of a policy document (an object or a JSON string), or None when intrinsics hide them."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            return None
    if not isinstance(document, dict) or is_intrinsic(document):
        return None
    found = document.get("Statement")
    if isinstance(found, dict):
        return [found]
    if isinstance(found, list):
        return list(found)
    return None


def any_of(answers: Iterable[bool | None]) -> bool | None:
    """True if one answer is True, else None if one is unknown, else False."""
    result: bool | None = False
    for answer in answers:
        if answer is True:
            return True
        if answer is None:
            result = UNKNOWN
    return result


def all_of(answers: Iterable[bool | None]) -> bool | None:
    """False if one answer is False, else None if one is unknown, else True."""
    result: bool | None = True
    for answer in answers:
        if answer is False:
            return False
        if answer is None:
            result = UNKNOWN
    return result


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def grants_action(statement: dict, action: str) -> bool | None:
    """Whether an Allow statement's Action (or NotAction) covers `action`, wildcards included."""
    if "NotAction" in statement:
        excluded = _as_list(statement["NotAction"])
        matched = any_of(wildcard_match(a, action, ignore_case=True) if isinstance(a, str) else UNKNOWN
                         for a in excluded)
        return None if matched is None else not matched
    return any_of(wildcard_match(a, action, ignore_case=True) if isinstance(a, str) else UNKNOWN
                  for a in _as_list(statement.get("Action", [])))


def allows(statement: Any, action: str, resource_test: Callable[[Any], bool | None],
           principal_test: Callable[[Any], bool | None] | None = None) -> bool | None:
    """Whether one statement allows `action` on the resource `resource_test` accepts (and, for resource
    policies, to the principal `principal_test` accepts). Conditions are not evaluated: they only narrow."""
    if not isinstance(statement, dict) or is_intrinsic(statement):
        return UNKNOWN
    effect = statement.get("Effect")
    if effect != "Allow":
        return False if isinstance(effect, str) else UNKNOWN
    answers = [grants_action(statement, action)]
    if "NotResource" in statement:
        answers.append(UNKNOWN)
    else:
        answers.append(any_of(resource_test(r) for r in _as_list(statement.get("Resource", []))))
    if principal_test is not None:
        answers.append(principal_test(statement.get("Principal")))
    return all_of(answers)


def principal_services(principal: Any) -> list[str] | None:
    """The service principals of a statement's Principal ("*" counts as every service), or None when an
    intrinsic hides them. ${AWS::URLSuffix} is read as amazonaws.com."""
    if principal == "*":
        return ["*"]
    if not isinstance(principal, dict) or is_intrinsic(principal):
        return [] if principal is None or isinstance(principal, str) else None
    services = []
    for value in _as_list(principal.get("Service", [])):
        text = as_text(value)
        if text is None:
            return None
        services.append(text.replace("${AWS::URLSuffix}", "amazonaws.com"))
    return services


def role_policy_documents(cfn, role: str) -> tuple[list, bool]:
    """The policy documents that give a role of the template its permissions: its inline Policies and the
    AWS::IAM::Policy, RolePolicy and ManagedPolicy resources of the template attached to it. The flag is False
    when the role may hold permissions the template does not show (a policy hidden by an intrinsic, or a managed
    policy from outside the template other than SAM's usual ones)."""
    known = resources(cfn)
    props = properties(known[role])
    documents: list = []
    complete = True

    inline = props.get("Policies", [])
    if not isinstance(inline, list):
        return documents, False
    for policy in inline:
        if isinstance(policy, dict) and not is_intrinsic(policy):
            documents.append(policy.get("PolicyDocument"))
        else:
            complete = False

    managed = props.get("ManagedPolicyArns", [])
    if not isinstance(managed, list):
        return documents, False
    for arn in managed:
        in_template = referenced_resource(cfn, arn, "AWS::IAM::ManagedPolicy")
        if in_template:
            documents.append(properties(known[in_template]).get("PolicyDocument"))
        elif aws_managed_policy(arn) not in KNOWN_NON_DESTINATION_POLICIES:
            complete = False

    for _, res in resources_of_type(cfn, "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy"):
        policy = properties(res)
        roles = policy.get("Roles", [])
        attached = [policy.get("RoleName")] + (roles if isinstance(roles, list) else [roles])
        if any(referenced(r) == (role, None) for r in attached):
            documents.append(policy.get("PolicyDocument"))
    return documents, complete


def role_allows(cfn, role: str, action: str, resource_test: Callable[[Any], bool | None]) -> bool | None:
    """Whether the template shows the role allowed `action` on a resource `resource_test` accepts; None when it
    cannot tell."""
    documents, complete = role_policy_documents(cfn, role)
    answers = []
    for document in documents:
        found = statements(document)
        if found is None:
            answers.append(UNKNOWN)
        else:
            answers.extend(allows(s, action, resource_test) for s in found)
    answer = any_of(answers)
    if answer is False and not complete:
        return UNKNOWN
    return answer


def lambda_roles(cfn) -> dict[str, list[str]]:
    """Each AWS::IAM::Role of the template that Lambda functions run as, or that lambda.amazonaws.com may
    assume, with the functions of the template that use it."""
    roles: dict[str, list[str]] = {}
    for name, res in resources_of_type(cfn, "AWS::IAM::Role"):
        found = statements(properties(res).get("AssumeRolePolicyDocument"))
        for statement in found or []:
            if isinstance(statement, dict) and statement.get("Effect") == "Allow":
                if "lambda.amazonaws.com" in (principal_services(statement.get("Principal")) or []):
                    roles.setdefault(name, [])
    for function, _ in resources_of_type(cfn, "AWS::Lambda::Function"):
        role = function_role(cfn, function)
        if role:
            roles.setdefault(role, []).append(function)
    return roles


# ---- messages ----

def some(names: Iterable[str], shown: int = 3) -> str:
    """Names for a message: "A, B, C and 4 more"."""
    names = sorted(names)
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"
