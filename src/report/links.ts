/** Where rule documentation lives; annotations, SARIF `helpUri` and comments link here. */
export const PROJECT_URL = 'https://github.com/kms-review/kms-review';

export function ruleDocUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${ruleId}.md`;
}
