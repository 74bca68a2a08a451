"""The deploy-time rules, run by the real cfn-lint (with the SAM transform) over the fixture templates beside this
file. One cfn-lint process lints every fixture, since its start-up costs more than a small template.

Each rule has a fixture with the defect, whose findings of that rule must name exactly the expected resources,
and one in the shape of the fixed template.yaml, which must pass every rule of the folder.

The leading underscore keeps cfn-lint from importing this module as rules (it loads every
[A-Za-z1-9]*.py under --append-rules); .ci/test-lint-rules runs it.
"""

import json
import os
import subprocess
import unittest

TESTS = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.dirname(TESTS)


def lint_fixtures():
    """Every fixture's cfn-lint findings, by file name."""
    fixtures = sorted(f for f in os.listdir(TESTS) if f.endswith(".yaml"))
    completed = subprocess.run(
        ["cfn-lint", "--format", "json", "--include-checks", "I", "--append-rules", RULES, "--", *fixtures],
        cwd=TESTS, capture_output=True, text=True, check=False,
    )
    # The exit status is a bit mask of the levels found (2, 4, 8); 1 or 32 mean cfn-lint itself failed.
    if completed.returncode & ~(2 | 4 | 8):
        raise RuntimeError(f"cfn-lint failed ({completed.returncode}): {completed.stderr}")
    findings = {fixture: [] for fixture in fixtures}
    for finding in json.loads(completed.stdout):
        findings[finding["Filename"]].append(finding)
    return findings


def subject(finding):
    """The resource a finding is about, or the Globals entry (its last path element)."""
    path = finding["Location"]["Path"]
    return path[1] if path and path[0] == "Resources" else path[-1]


class DeployRulesTest(unittest.TestCase):
    findings = {}

    @classmethod
    def setUpClass(cls):
        cls.findings = lint_fixtures()

    def reported(self, fixture, rule):
        return {subject(f) for f in self.findings[fixture] if f["Rule"]["Id"] == rule}

    def assertReports(self, fixture, rule, *subjects):
        self.assertEqual(self.reported(fixture, rule), set(subjects), self.messages(fixture))

    def assertPassesEveryRule(self, fixture):
        ours = [f for f in self.findings[fixture] if f["Rule"]["Id"].startswith("E9")]
        self.assertEqual(ours, [], self.messages(fixture))

    def messages(self, fixture):
        return "\n".join(f"{f['Rule']['Id']} {'/'.join(map(str, f['Location']['Path']))}: {f['Message']}"
                         for f in self.findings[fixture])

    # Fixtures are otherwise valid templates: the SAM transform succeeds, no rule crashes, no built-in error.
    def test_fixtures_have_no_other_errors(self):
        for fixture, found in self.findings.items():
            with self.subTest(fixture=fixture):
                others = [f for f in found if f["Level"] == "Error" and not f["Rule"]["Id"].startswith("E9")]
                self.assertEqual(others, [], self.messages(fixture))

    # E9001
    def test_esm_destination_without_send_message(self):
        self.assertReports("esm_destination_without_send_message.yaml", "E9001", "ConsumerFunctionChanges")

    def test_esm_topic_destination_publish_on_other_topic(self):
        self.assertReports("esm_topic_destination_publish_on_other_topic.yaml", "E9001", "ConsumerChanges")

    def test_esm_destination_with_send_message(self):
        self.assertPassesEveryRule("esm_destination_with_send_message.yaml")

    # E9002
    def test_alarm_topic_with_aws_managed_key(self):
        self.assertReports("alarm_topic_with_aws_managed_key.yaml", "E9002", "AlarmTopic")

    def test_alarm_topic_key_without_cloudwatch(self):
        self.assertReports("alarm_topic_key_without_cloudwatch.yaml", "E9002", "AlarmTopic")

    def test_alarm_topic_with_cloudwatch_key(self):
        self.assertPassesEveryRule("alarm_topic_with_cloudwatch_key.yaml")

    def test_alarms_from_loop_on_aws_managed_key(self):
        self.assertReports("alarms_from_loop_on_aws_managed_key.yaml", "E9002", "AlarmTopic")

    # E9003
    def test_websocket_stage_with_deployment(self):
        paths = {"/".join(map(str, f["Location"]["Path"]))
                 for f in self.findings["websocket_stage_with_deployment.yaml"] if f["Rule"]["Id"] == "E9003"}
        self.assertEqual(paths, {
            "Resources/FeedStage/Properties",  # no AutoDeploy
            "Resources/FeedStage/Properties/DeploymentId",
            "Resources/FeedStage",  # no dependency on FeedDefaultRouteResponse
        })

    def test_websocket_stage_auto_deploy_missing_dependencies(self):
        self.assertReports("websocket_stage_auto_deploy_missing_dependencies.yaml", "E9003", "FeedStage")

    def test_websocket_stage_auto_deploy(self):
        self.assertPassesEveryRule("websocket_stage_auto_deploy.yaml")

    # E9004
    def test_access_log_stage_conditional_account(self):
        self.assertReports("access_log_stage_conditional_account.yaml", "E9004",
                           "ProductsApiv1Stage", "FeedStage", "ApiGatewayAccount", "ApiGatewayCloudWatchRole")

    def test_access_log_stage_before_account(self):
        self.assertReports("access_log_stage_before_account.yaml", "E9004", "FeedStage", "ApiGatewayAccount")

    def test_access_log_stage_after_account(self):
        self.assertPassesEveryRule("access_log_stage_after_account.yaml")

    # E9005
    def test_function_with_dynamodb_execution_role(self):
        self.assertReports("function_with_dynamodb_execution_role.yaml", "E9005", "ConsumerFunctionRole", "WorkerRole")

    def test_function_with_basic_execution_role(self):
        self.assertPassesEveryRule("function_with_basic_execution_role.yaml")

    # E9006
    def test_function_without_log_group(self):
        self.assertReports("function_without_log_group.yaml", "E9006", "NoLogGroupFunction", "UnretainedFunction")

    def test_function_with_log_group(self):
        self.assertPassesEveryRule("function_with_log_group.yaml")

    def test_function_log_groups_from_loop_without_retention(self):
        self.assertReports("function_log_groups_from_loop_without_retention.yaml", "E9006",
                           "ListProductsFunction", "GetProductFunction")

    def test_function_log_groups_from_loop(self):
        self.assertPassesEveryRule("function_log_groups_from_loop.yaml")

    # E9007
    def test_globals_secret_environment(self):
        self.assertReports("globals_secret_environment.yaml", "E9007", "CURSOR_SIGNING_KEY", "API_TOKEN")

    def test_function_secret_environment(self):
        self.assertPassesEveryRule("function_secret_environment.yaml")


if __name__ == "__main__":
    unittest.main()
