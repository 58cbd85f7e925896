import { describe, expect, it } from 'vitest';
import { kms405 } from '../../src/rules/kms405-no-key-deletion-alarm.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms405] })).findings.filter((f) => f.rule === 'KMS405');

const KEYS = 'resource "aws_kms_key" "b" {}\n\nresource "aws_kms_key" "a" {}\n';
const rule = (pattern: string, extra = '') => `resource "aws_cloudwatch_event_rule" "kms" {\n  ${extra}\n  event_pattern = <<P\n${pattern}\nP\n}\n`;
const FILTER = `resource "aws_cloudwatch_log_metric_filter" "kms" {
  name           = "kms"
  log_group_name = "trail"
  pattern        = "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"
  metric_transformation {
    name      = "KmsDisableOrDelete"
    namespace = "Security"
    value     = "1"
  }
}
`;
const alarm = (metric: string, namespace = '"Security"') =>
  `resource "aws_cloudwatch_metric_alarm" "kms" {\n  alarm_name = "kms"\n  metric_name = ${metric}\n  namespace = ${namespace}\n  threshold = 1\n}\n`;

describe('KMS405 no-key-deletion-alarm', () => {
  it('fires once per scan, at the first declared key, naming the uncovered calls', async () => {
    const findings = await run({ 'b.tf': KEYS, 'a.tf': 'resource "aws_kms_key" "c" {}\n' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'info',
      subjects: ['.:aws_kms_key.c', '.:aws_kms_key.b', '.:aws_kms_key.a'],
      message:
        'Nothing alerts on DisableKey or ScheduleKeyDeletion for the 3 customer managed keys declared here. Add an EventBridge rule on source aws.kms for these calls (or a CloudTrail metric filter with an alarm) so someone can react within the waiting period.',
      location: { file: 'a.tf', startLine: 1, endLine: 1 },
      evidence: { keys: 3, uncovered: ['DisableKey', 'ScheduleKeyDeletion'], covered: {}, filtersWithoutAlarm: [] },
    });
    expect(findings[0].key).toBeUndefined();
  });

  it('keeps its fingerprint when keys are added or moved', async () => {
    const [one] = await run({ 'main.tf': KEYS });
    const [two] = await run({ 'main.tf': `resource "aws_kms_key" "z" {}\n${KEYS}` });
    expect(one.fingerprint).toBe(two.fingerprint);
  });

  it('is satisfied by an EventBridge rule on the calls, written as JSON text', async () => {
    const pattern = '{"source":["aws.kms"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventName":["DisableKey","ScheduleKeyDeletion"]}}';
    expect(await run({ 'main.tf': KEYS + rule(pattern) })).toEqual([]);
  });

  it('is satisfied by a rule on every KMS API call, or by prefix and wildcard filters', async () => {
    expect(await run({ 'main.tf': KEYS + rule('{"source":["aws.kms"],"detail-type":["AWS API Call via CloudTrail"]}') })).toEqual([]);
    const filters = '{"detail":{"eventSource":["kms.amazonaws.com"],"eventName":[{"prefix":"Disable"},{"wildcard":"Schedule*Deletion"}]}}';
    expect(await run({ 'main.tf': KEYS + rule(filters) })).toEqual([]);
  });

  it('fires for the call a rule leaves out, and ignores disabled rules and other event types', async () => {
    const [partial] = await run({ 'main.tf': KEYS + rule('{"source":["aws.kms"],"detail":{"eventName":["ScheduleKeyDeletion"]}}') });
    expect(partial.evidence).toMatchObject({ uncovered: ['DisableKey'], covered: { ScheduleKeyDeletion: ['.:aws_cloudwatch_event_rule.kms'] } });
    expect(partial.message.startsWith('Nothing alerts on DisableKey for the 2 customer managed keys declared here.')).toBe(true);
    const full = '{"source":["aws.kms"],"detail":{"eventName":["DisableKey","ScheduleKeyDeletion"]}}';
    expect(await run({ 'main.tf': KEYS + rule(full, 'is_enabled = false') })).toHaveLength(1);
    expect(await run({ 'main.tf': KEYS + rule('{"source":["aws.kms"],"detail-type":["KMS CMK Deletion"]}') })).toHaveLength(1);
    expect(await run({ 'main.tf': KEYS + rule('{"source":["aws.ec2"],"detail":{"eventName":["DisableKey"]}}') })).toHaveLength(1);
  });

  it('is satisfied by a metric filter with an alarm on its metric, by reference or by name', async () => {
    expect(await run({ 'main.tf': KEYS + FILTER + alarm('aws_cloudwatch_log_metric_filter.kms.metric_transformation[0].name') })).toEqual([]);
    expect(await run({ 'main.tf': KEYS + FILTER + alarm('"KmsDisableOrDelete"') })).toEqual([]);
  });

  it('names a metric filter that has no alarm', async () => {
    const [finding] = await run({ 'main.tf': KEYS + FILTER + alarm('"KmsDisableOrDelete"', '"OtherNamespace"') });
    expect(finding.message).toContain('(metric filter aws_cloudwatch_log_metric_filter.kms has no alarm)');
    expect(finding.evidence).toMatchObject({ filtersWithoutAlarm: ['.:aws_cloudwatch_log_metric_filter.kms'] });
  });

  it('reads CloudFormation rules with object patterns, and metric filters with alarms', async () => {
    const head = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Key:\n    Type: AWS::KMS::Key\n";
    const eventRule =
      '  R:\n    Type: AWS::Events::Rule\n    Properties:\n      EventPattern:\n        source: [aws.kms]\n        detail:\n          eventName: [DisableKey, ScheduleKeyDeletion]\n';
    expect(await run({ 'template.yaml': head + eventRule })).toEqual([]);
    expect(await run({ 'template.yaml': `${head + eventRule}      State: DISABLED\n` })).toHaveLength(1);
    const filter =
      "  F:\n    Type: AWS::Logs::MetricFilter\n    Properties:\n      LogGroupName: trail\n      FilterPattern: '{ $.eventName = DisableKey || $.eventName = ScheduleKeyDeletion }'\n      MetricTransformations:\n        - MetricName: KmsDelete\n          MetricNamespace: Security\n          MetricValue: '1'\n";
    const cfnAlarm = '  A:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      MetricName: KmsDelete\n      Namespace: Security\n';
    expect(await run({ 'template.yaml': head + filter + cfnAlarm })).toEqual([]);
    const [finding] = await run({ 'template.yaml': head + filter });
    expect(finding.location).toEqual({ file: 'template.yaml', startLine: 3, endLine: 4 });
  });

  it('stays quiet when a pattern is not known statically, or no key is declared', async () => {
    const unknown = 'variable "p" {}\nresource "aws_cloudwatch_event_rule" "kms" {\n  event_pattern = var.p\n}\n';
    expect(await run({ 'main.tf': KEYS + unknown })).toEqual([]);
    expect(await run({ 'main.tf': 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\n' })).toEqual([]);
  });

  it('is suppressed inline above the first key, or once in the config', async () => {
    const inline = await analyseFiles({ 'main.tf': `# kms-review:ignore KMS405 reason="org-wide rule in the security account"\n${KEYS}` }, { rules: [kms405] });
    expect(inline.findings[0].suppressed).toMatchObject({ by: 'inline', reason: 'org-wide rule in the security account' });
    const config = await analyseFiles({ 'main.tf': KEYS }, { rules: [kms405], config: 'ignores:\n  - rule: KMS405\n    reason: org-wide rule\n' });
    expect(config.findings[0].suppressed).toMatchObject({ by: 'config', reason: 'org-wide rule' });
  });
});
