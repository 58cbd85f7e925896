/**
 * Which files are CloudFormation / SAM / CDK templates, decided by a regex sniff of the text
 * (cheap: no parsing). `readTemplate` confirms the structure after parsing.
 */
import type { SourceFile } from '../../model/source.js';

const TEMPLATE_EXTENSION = /\.(?:ya?ml|json|template)$/i;
const TERRAFORM_JSON = /\.tf\.json$/i;

/**
 * A top-level key: at column 0 in YAML (so `resources.Resources` of a serverless.yml is not one),
 * or quoted anywhere in JSON (pretty-printed JSON indents it). `[ \t]*`, never `\s*`, so no
 * quadratic rescans of blank runs.
 */
const FORMAT_VERSION_KEY = /^\uFEFF?["']?AWSTemplateFormatVersion["']?[ \t]*:|"AWSTemplateFormatVersion"[ \t]*:/m;
const RESOURCES_KEY = /^\uFEFF?["']?Resources["']?[ \t]*:|"Resources"[ \t]*:/m;
const RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?(?:AWS|Custom|Alexa)::[A-Za-z0-9]/;
const SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
/** `terraform show -json` output has both; it is the plan parser's. */
const TERRAFORM_PLAN_KEYS = [/"format_version"[ \t]*:/, /"terraform_version"[ \t]*:/];

export function claimsTemplate(file: SourceFile): boolean {
  if (!TEMPLATE_EXTENSION.test(file.path) || TERRAFORM_JSON.test(file.path)) return false;
  const { text } = file;
  if (TERRAFORM_PLAN_KEYS.every((key) => key.test(text))) return false;
  if (FORMAT_VERSION_KEY.test(text)) return true;
  return RESOURCES_KEY.test(text) && (RESOURCE_TYPE.test(text) || SAM_TRANSFORM.test(text));
}
